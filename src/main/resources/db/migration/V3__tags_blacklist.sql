-- Tags of an account's followers (spec §7.2) and the blacklist's index (the flag itself is follower.blacklisted_at).

CREATE TABLE follower_tag (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT       NOT NULL,
    tag_id          INT          NOT NULL,
    name            VARCHAR(30)  NOT NULL,
    system_tag      BOOLEAN      NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_tag_account_id UNIQUE (account_id, tag_id),
    CONSTRAINT uk_tag_account_name UNIQUE (account_id, name),
    CONSTRAINT fk_tag_account FOREIGN KEY (account_id) REFERENCES official_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE follower_tagging (
    follower_id     BIGINT       NOT NULL,
    tag_pk          BIGINT       NOT NULL,
    PRIMARY KEY (follower_id, tag_pk),
    KEY idx_tagging_tag (tag_pk, follower_id),
    CONSTRAINT fk_tagging_follower FOREIGN KEY (follower_id) REFERENCES follower (id),
    CONSTRAINT fk_tagging_tag FOREIGN KEY (tag_pk) REFERENCES follower_tag (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_follower_blacklist ON follower (account_id, blacklisted_at, id);
