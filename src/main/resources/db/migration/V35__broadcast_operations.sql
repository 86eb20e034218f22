-- Broadcasts beyond WeChat (issue 14): scheduled sends, an optional approval step, and statistics — each chunk's
-- counts (progress over time), the filtered followers by reason, and reads per hour.

ALTER TABLE broadcast
    -- SCHEDULED, PENDING_APPROVAL, CANCELLED and REJECTED join WeChat's four.
    MODIFY COLUMN status VARCHAR(20) NOT NULL,
    -- Not before this instant (a scheduled broadcast); null: at once.
    ADD COLUMN send_at              DATETIME(6) NULL,
    -- When the fan-out began (its first chunk was written).
    ADD COLUMN started_at           DATETIME(6) NULL,
    -- The member who composed it in the portal or the operator API; null for the developer API.
    ADD COLUMN composed_by          BIGINT      NULL,
    -- The member who approved or rejected it, and why (a rejection's note).
    ADD COLUMN decided_by           BIGINT      NULL,
    ADD COLUMN decided_at           DATETIME(6) NULL,
    ADD COLUMN decision_note        VARCHAR(200) NULL,
    -- Targeted followers not reached, by reason (TotalCount - SentCount = their sum).
    ADD COLUMN blacklisted_count    BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN over_allowance_count BIGINT      NOT NULL DEFAULT 0,
    ADD KEY idx_broadcast_due (status, send_at);

ALTER TABLE broadcast_chunk
    ADD COLUMN targeted BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN sent     BIGINT NOT NULL DEFAULT 0;

-- Reads of a broadcast per hour: the statistics' reads over time, and their sum the read count. A row per hour
-- rather than a counter on the broadcast, so that readers never wait for the fan-out's lock on the broadcast row.
CREATE TABLE broadcast_read_hour (
    broadcast_id BIGINT      NOT NULL,
    hour_start   DATETIME(6) NOT NULL,
    read_count   BIGINT      NOT NULL,
    PRIMARY KEY (broadcast_id, hour_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Whether an account's broadcasts composed by its members need a second member's approval before they go out.
CREATE TABLE broadcast_policy (
    account_id        BIGINT  NOT NULL PRIMARY KEY,
    approval_required BOOLEAN NOT NULL,
    CONSTRAINT fk_broadcast_policy_account FOREIGN KEY (account_id) REFERENCES official_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
