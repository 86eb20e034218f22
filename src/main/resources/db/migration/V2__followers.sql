-- Openids and unionids are case-sensitive (URL-safe base64), hence their binary collation.
-- Followers: the follow relation with its per-account openid, the owner-wide unionid, remarks, blacklist, tags,
-- parametric QR codes and their scans.

CREATE TABLE union_identity (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_person_id BIGINT       NOT NULL,
    person_id       BIGINT       NOT NULL,
    unionid         VARCHAR(28)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    CONSTRAINT uk_union_owner_person UNIQUE (owner_person_id, person_id),
    CONSTRAINT uk_unionid UNIQUE (unionid),
    CONSTRAINT fk_union_owner FOREIGN KEY (owner_person_id) REFERENCES person (id),
    CONSTRAINT fk_union_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE follower (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id       BIGINT       NOT NULL,
    person_id        BIGINT       NOT NULL,
    openid           VARCHAR(28)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    subscribed       BOOLEAN      NOT NULL,
    subscribe_time   DATETIME(6)  NULL,
    unsubscribe_time DATETIME(6)  NULL,
    subscribe_scene  VARCHAR(40)  NULL,
    qr_scene         BIGINT       NULL,
    qr_scene_str     VARCHAR(64)  NULL,
    remark           VARCHAR(30)  NULL,
    blacklisted_at   DATETIME(6)  NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_follower_account_person UNIQUE (account_id, person_id),
    CONSTRAINT uk_follower_openid UNIQUE (openid),
    CONSTRAINT fk_follower_account FOREIGN KEY (account_id) REFERENCES official_account (id),
    CONSTRAINT fk_follower_person FOREIGN KEY (person_id) REFERENCES person (id),
    KEY idx_follower_list (account_id, subscribed, id),
    KEY idx_follower_person (person_id, subscribed)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Kept in step with follower.subscribed in the same transactions, so user/get never counts a million rows.
CREATE TABLE follower_count (
    account_id      BIGINT       NOT NULL PRIMARY KEY,
    subscribed      BIGINT       NOT NULL,
    CONSTRAINT fk_follower_count_account FOREIGN KEY (account_id) REFERENCES official_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
