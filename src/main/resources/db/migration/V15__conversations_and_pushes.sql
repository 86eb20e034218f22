-- Follower messaging: an account's developer server (webhooks), the pushes to it with their delivery state and log,
-- and the conversations between followers and accounts. Ids of pushes, attempts, conversations and messages come from
-- the application (platform.control.TimeOrderedIds); a message's id is also its 64-bit WeChat MsgId.

CREATE TABLE webhook_server (
    account_id       BIGINT        NOT NULL PRIMARY KEY,
    url              VARCHAR(1024) NOT NULL,
    -- The token and EncodingAESKey are needed in clear to sign and encrypt: sealed (platform.control.Sealer).
    token_sealed     VARCHAR(200)  NOT NULL,
    aes_key_sealed   VARCHAR(200)  NULL,
    mode             VARCHAR(12)   NOT NULL,
    enabled          BOOLEAN       NOT NULL,
    verified_at      DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_webhook_server_account FOREIGN KEY (account_id) REFERENCES official_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One message or event to push. The XML is fixed when the row is written, so every attempt carries the same MsgId
-- (messages) or FromUserName + CreateTime (events). state: PENDING, IN_FLIGHT (leased to one instance until
-- lease_until), DELIVERED, FAILED.
CREATE TABLE webhook_push (
    id               BIGINT        NOT NULL PRIMARY KEY,
    account_id       BIGINT        NOT NULL,
    openid           VARCHAR(28)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind             VARCHAR(40)   NOT NULL,
    msg_id           BIGINT        NULL,
    event_time       BIGINT        NOT NULL,
    reply_articles   INT           NOT NULL,
    plain_xml        MEDIUMTEXT    NOT NULL,
    state            VARCHAR(12)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  DATETIME(6)   NOT NULL,
    lease_owner      VARCHAR(100)  NULL,
    lease_until      DATETIME(6)   NULL,
    last_error       VARCHAR(500)  NULL,
    created_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    KEY idx_push_due (state, next_attempt_at),
    KEY idx_push_lease (state, lease_until),
    CONSTRAINT fk_push_account FOREIGN KEY (account_id) REFERENCES official_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The delivery log: one row per attempt, what the operator reads and replays.
CREATE TABLE webhook_attempt (
    id               BIGINT        NOT NULL PRIMARY KEY,
    public_id        CHAR(20)      CHARACTER SET ascii NOT NULL,
    push_id          BIGINT        NOT NULL,
    account_id       BIGINT        NOT NULL,
    attempt          INT           NOT NULL,
    attempted_at     DATETIME(6)   NOT NULL,
    kind             VARCHAR(40)   NOT NULL,
    outcome          VARCHAR(20)   NOT NULL,
    http_status      INT           NULL,
    latency_ms       BIGINT        NOT NULL,
    error            VARCHAR(500)  NULL,
    request_url      VARCHAR(1500) NOT NULL,
    request_body     MEDIUMTEXT    NOT NULL,
    reply_body       TEXT          NULL,
    CONSTRAINT uk_attempt_public_id UNIQUE (public_id),
    KEY idx_attempt_account (account_id, id),
    KEY idx_attempt_push (push_id),
    CONSTRAINT fk_attempt_push FOREIGN KEY (push_id) REFERENCES webhook_push (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE conversation (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    account_id         BIGINT       NOT NULL,
    person_id          BIGINT       NOT NULL,
    openid             VARCHAR(28)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    last_message_id    BIGINT       NULL,
    last_message_at    DATETIME(6)  NOT NULL,
    unread_by_person   INT          NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_conversation_account_person UNIQUE (account_id, person_id),
    KEY idx_conversation_person_recent (person_id, last_message_at, id),
    CONSTRAINT fk_conversation_account FOREIGN KEY (account_id) REFERENCES official_account (id),
    CONSTRAINT fk_conversation_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- direction: IN (follower to account) or OUT (account to follower). content: the type's fields as JSON.
-- withheld: a blacklisted follower's message, kept for them but never shown to the account or pushed.
CREATE TABLE conversation_message (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    conversation_id    BIGINT       NOT NULL,
    direction          VARCHAR(3)   NOT NULL,
    message_type       VARCHAR(12)  NOT NULL,
    content            TEXT         NOT NULL,
    withheld           BOOLEAN      NOT NULL,
    source             VARCHAR(20)  NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    KEY idx_message_conversation (conversation_id, id),
    CONSTRAINT fk_message_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
