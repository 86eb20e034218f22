-- Broadcasts (mass messages, spec §6): the send, its chunks (ranges of follower ids fanned out one transaction each),
-- the recipients (one row per broadcast and follower: nobody gets one twice) and each follower's receipts per month
-- (service accounts: at most four).

CREATE TABLE broadcast (
    -- From TimeOrderedIds: also the msg_id of the API.
    id               BIGINT       NOT NULL PRIMARY KEY,
    account_id       BIGINT       NOT NULL,
    -- ALL, TAG, LIST or PREVIEW.
    target           VARCHAR(8)   NOT NULL,
    tag_pk           BIGINT       NULL,
    msg_type         VARCHAR(12)  NOT NULL,
    -- The message in the client API's camelCase, as the follower's inbox shows it.
    content          MEDIUMTEXT   NOT NULL,
    client_msg_id    VARCHAR(64)  NULL,
    -- SENDING, SEND_SUCCESS, SEND_FAIL or DELETE.
    status           VARCHAR(12)  NOT NULL,
    -- The calendar the quotas count in: the account's day (subscription accounts' one a day) and month (service
    -- accounts' four a month per follower), in the account's zone (docs/broadcasts.md).
    day_key          INT          NOT NULL,
    month_key        INT          NOT NULL,
    speed            INT          NOT NULL,
    chunk_count      INT          NOT NULL,
    total_count      BIGINT       NOT NULL DEFAULT 0,
    filter_count     BIGINT       NOT NULL DEFAULT 0,
    sent_count       BIGINT       NOT NULL DEFAULT 0,
    error_count      BIGINT       NOT NULL DEFAULT 0,
    created_at       DATETIME(6)  NOT NULL,
    finished_at      DATETIME(6)  NULL,
    -- mass/delete of single articles of a news broadcast: their 1-based indexes, comma-separated.
    deleted_articles VARCHAR(32)  NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_broadcast_client_msg_id UNIQUE (account_id, client_msg_id),
    CONSTRAINT fk_broadcast_account FOREIGN KEY (account_id) REFERENCES official_account (id),
    KEY idx_broadcast_account_day (account_id, day_key),
    KEY idx_broadcast_status (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A range of the account's follower ids; PENDING until the one transaction that fans it out marks it DONE.
CREATE TABLE broadcast_chunk (
    broadcast_id     BIGINT       NOT NULL,
    chunk_no         INT          NOT NULL,
    from_follower_id BIGINT       NOT NULL,
    to_follower_id   BIGINT       NOT NULL,
    state            VARCHAR(8)   NOT NULL,
    -- Not before: the broadcast's speed spreads the chunks over time.
    due_at           DATETIME(6)  NOT NULL,
    done_at          DATETIME(6)  NULL,
    PRIMARY KEY (broadcast_id, chunk_no),
    CONSTRAINT fk_chunk_broadcast FOREIGN KEY (broadcast_id) REFERENCES broadcast (id),
    KEY idx_chunk_due (state, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The openids of a /mass/send (2 to 10 000), as follower ids.
CREATE TABLE broadcast_list_member (
    broadcast_id     BIGINT       NOT NULL,
    follower_id      BIGINT       NOT NULL,
    PRIMARY KEY (broadcast_id, follower_id),
    CONSTRAINT fk_list_broadcast FOREIGN KEY (broadcast_id) REFERENCES broadcast (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who got the broadcast: the follower's inbox (by person) and the read count.
CREATE TABLE broadcast_recipient (
    broadcast_id     BIGINT       NOT NULL,
    follower_id      BIGINT       NOT NULL,
    person_id        BIGINT       NOT NULL,
    delivered_at     DATETIME(6)  NOT NULL,
    read_at          DATETIME(6)  NULL,
    PRIMARY KEY (broadcast_id, follower_id),
    KEY idx_recipient_person (person_id, broadcast_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Broadcasts a follower received in a month of the account's calendar (service accounts: at most four).
CREATE TABLE broadcast_monthly (
    follower_id      BIGINT       NOT NULL,
    month_key        INT          NOT NULL,
    received         INT          NOT NULL,
    PRIMARY KEY (follower_id, month_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An account's mass-send speed (spec §6.1, 0 fastest to 4); absent is 0.
CREATE TABLE broadcast_speed (
    account_id       BIGINT       NOT NULL PRIMARY KEY,
    speed            INT          NOT NULL,
    CONSTRAINT fk_speed_account FOREIGN KEY (account_id) REFERENCES official_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
