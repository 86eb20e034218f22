-- Template messages (spec §5): the industries an account chose, the templates it took from the library, and the
-- messages it sent with them. Ids of templates and messages come from the application (TimeOrderedIds).

CREATE TABLE template_industry_choice (
    account_id          BIGINT       NOT NULL PRIMARY KEY,
    primary_industry    INT          NOT NULL,
    secondary_industry  INT          NOT NULL,
    changed_at          DATETIME(6)  NOT NULL,
    CONSTRAINT fk_industry_choice_account FOREIGN KEY (account_id) REFERENCES official_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE account_template (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    account_id          BIGINT       NOT NULL,
    template_id         VARCHAR(43)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    library_id          VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    title               VARCHAR(64)  NOT NULL,
    industry            INT          NOT NULL,
    content             VARCHAR(1024) NOT NULL,
    example             VARCHAR(1024) NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    CONSTRAINT uk_account_template_id UNIQUE (template_id),
    KEY idx_account_template_account (account_id, created_at),
    CONSTRAINT fk_account_template_account FOREIGN KEY (account_id) REFERENCES official_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A sent message keeps what the follower saw (rendered), so deleting the template later changes nothing for them.
CREATE TABLE template_message (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    account_id          BIGINT       NOT NULL,
    follower_id         BIGINT       NOT NULL,
    template_id         VARCHAR(43)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    title               VARCHAR(64)  NOT NULL,
    rendered            TEXT         NOT NULL,
    data_json           TEXT         NOT NULL,
    url                 VARCHAR(1024) NULL,
    miniprogram_appid   VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    miniprogram_path    VARCHAR(1024) NULL,
    client_msg_id       VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    created_at          DATETIME(6)  NOT NULL,
    KEY idx_template_message_dedup (account_id, follower_id, client_msg_id),
    KEY idx_template_message_follower (follower_id, id),
    CONSTRAINT fk_template_message_account FOREIGN KEY (account_id) REFERENCES official_account (id),
    CONSTRAINT fk_template_message_follower FOREIGN KEY (follower_id) REFERENCES follower (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
