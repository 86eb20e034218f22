-- The customer-service window of one conversation (spec §4.2), one row per follower, made by the first trigger.
-- message_*: the allowance a follower's message opens (5 within 48 h); interaction_*: the one a follow, QR scan or
-- counting menu click opens (3 within 1 min). *_until is exclusive. last_exchange_at: the last message either way
-- (typing needs one within 30 s); typing_until: a Typing command in force (15 s).
CREATE TABLE service_window (
    follower_id            BIGINT       NOT NULL PRIMARY KEY,
    account_id             BIGINT       NOT NULL,
    message_opened_at      DATETIME(6)  NOT NULL,
    message_until          DATETIME(6)  NOT NULL,
    message_left           INT          NOT NULL,
    interaction_opened_at  DATETIME(6)  NOT NULL,
    interaction_until      DATETIME(6)  NOT NULL,
    interaction_left       INT          NOT NULL,
    last_exchange_at       DATETIME(6)  NULL,
    typing_until           DATETIME(6)  NULL,
    KEY idx_service_window_account (account_id),
    CONSTRAINT fk_service_window_follower FOREIGN KEY (follower_id) REFERENCES follower (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
