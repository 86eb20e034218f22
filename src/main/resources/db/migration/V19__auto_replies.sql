-- Auto-replies of accounts without developer mode (conversations component, docs/conversations.md): keyword rules,
-- one welcome rule and one default rule per account. Keywords and replies are small JSON arrays read with the rule.
CREATE TABLE auto_reply_rule (
    id              BIGINT        NOT NULL PRIMARY KEY,
    public_id       CHAR(20)      CHARACTER SET ascii NOT NULL,
    account_id      BIGINT        NOT NULL,
    kind            VARCHAR(10)   NOT NULL,
    -- The kind of a welcome or default rule, NULL for keyword rules: the unique key allows one of each per account.
    single_kind     VARCHAR(10)   NULL,
    name            VARCHAR(60)   NOT NULL,
    priority        INT           NOT NULL,
    keywords        TEXT          NOT NULL,
    replies         TEXT          NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_auto_reply_public_id UNIQUE (public_id),
    CONSTRAINT uk_auto_reply_single UNIQUE (account_id, single_kind),
    KEY idx_auto_reply_account (account_id, id),
    CONSTRAINT fk_auto_reply_account FOREIGN KEY (account_id) REFERENCES official_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
