-- The wallet on a double-entry ledger (docs/payments.md). Amounts are BIGINT fen everywhere.
-- Sign convention: a leg's amount is what it adds to its account's balance; the legs of a posting sum to zero,
-- so the balances of all accounts together always sum to zero. A wallet's balance is what the platform owes its
-- owner (positive); BANK_SETTLEMENT runs negative by the money the platform holds at the bank.

CREATE TABLE ledger_account (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(24)  NOT NULL,
    -- Wallets only; platform accounts have none.
    person_id       BIGINT       NULL,
    -- Platform accounts are split into shards so that unrelated flows never queue behind one hot row.
    shard           INT          NOT NULL DEFAULT 0,
    balance         BIGINT       NOT NULL DEFAULT 0,
    may_go_negative BOOLEAN      NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_ledger_account_person UNIQUE (person_id),
    CONSTRAINT fk_ledger_account_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT ck_ledger_account_kind CHECK (kind IN ('WALLET', 'BANK_SETTLEMENT', 'FEE_INCOME', 'TRANSFER_ESCROW',
        'RED_PACKET_ESCROW')),
    CONSTRAINT ck_ledger_account_owner CHECK ((kind = 'WALLET') = (person_id IS NOT NULL)),
    CONSTRAINT ck_ledger_account_balance CHECK (may_go_negative OR balance >= 0),
    KEY idx_ledger_account_kind (kind, shard)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only: the application has no code path that updates or deletes postings or legs; corrections are
-- reversing postings (reverses_id). Production may additionally revoke UPDATE and DELETE on both tables.
CREATE TABLE posting (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id       CHAR(20)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    -- The public id of the business object the posting belongs to (top-up, withdrawal, transfer, red packet).
    reference       VARCHAR(40)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    reverses_id     BIGINT       NULL,
    posted_at       DATETIME(6)  NOT NULL,
    CONSTRAINT uk_posting_public_id UNIQUE (public_id),
    CONSTRAINT fk_posting_reverses FOREIGN KEY (reverses_id) REFERENCES posting (id),
    KEY idx_posting_reference (reference)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE posting_leg (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    posting_id      BIGINT       NOT NULL,
    account_id      BIGINT       NOT NULL,
    amount          BIGINT       NOT NULL,
    balance_after   BIGINT       NOT NULL,
    posted_at       DATETIME(6)  NOT NULL,
    CONSTRAINT fk_posting_leg_posting FOREIGN KEY (posting_id) REFERENCES posting (id),
    CONSTRAINT fk_posting_leg_account FOREIGN KEY (account_id) REFERENCES ledger_account (id),
    CONSTRAINT ck_posting_leg_amount CHECK (amount <> 0),
    KEY idx_posting_leg_account (account_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A person's wallet: the ledger account plus what the product needs around it.
CREATE TABLE wallet (
    person_id            BIGINT       NOT NULL PRIMARY KEY,
    account_id           BIGINT       NOT NULL,
    pin_hash             VARCHAR(200) NULL,
    pin_failures         INT          NOT NULL DEFAULT 0,
    pin_locked_until     DATETIME(6)  NULL,
    pin_changed_at       DATETIME(6)  NULL,
    -- The part of the lifetime fee-free withdrawal quota already used.
    free_withdrawal_used BIGINT       NOT NULL DEFAULT 0,
    created_at           DATETIME(6)  NOT NULL,
    CONSTRAINT uk_wallet_account UNIQUE (account_id),
    CONSTRAINT fk_wallet_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_wallet_account FOREIGN KEY (account_id) REFERENCES ledger_account (id),
    KEY idx_wallet_pin_lock (pin_locked_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The first result of every money-moving request, by the client's Idempotency-Key. Inserted in the same
-- transaction as the postings, so it exists exactly when the money moved.
CREATE TABLE idempotency_record (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_id       BIGINT       NOT NULL,
    idem_key        VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    http_status     INT          NULL,
    response_body   MEDIUMTEXT   NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_idempotency_key UNIQUE (person_id, idem_key),
    CONSTRAINT fk_idempotency_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Never the card number: the bank's token, its fingerprint for spotting a card linked twice, and the last four.
CREATE TABLE bank_card (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id       CHAR(21)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    person_id       BIGINT       NOT NULL,
    token           VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    fingerprint     VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    bank_name       VARCHAR(100) NOT NULL,
    card_type       VARCHAR(10)  NOT NULL,
    last_four       CHAR(4)      NOT NULL,
    linked_at       DATETIME(6)  NOT NULL,
    removed_at      DATETIME(6)  NULL,
    CONSTRAINT uk_bank_card_public_id UNIQUE (public_id),
    CONSTRAINT fk_bank_card_person FOREIGN KEY (person_id) REFERENCES person (id),
    KEY idx_bank_card_person (person_id, removed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE top_up (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id       CHAR(20)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    person_id       BIGINT       NOT NULL,
    card_id         BIGINT       NOT NULL,
    amount          BIGINT       NOT NULL,
    posting_id      BIGINT       NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_top_up_public_id UNIQUE (public_id),
    CONSTRAINT fk_top_up_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_top_up_card FOREIGN KEY (card_id) REFERENCES bank_card (id),
    CONSTRAINT fk_top_up_posting FOREIGN KEY (posting_id) REFERENCES posting (id),
    CONSTRAINT ck_top_up_amount CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE withdrawal (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id           CHAR(20)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    person_id           BIGINT       NOT NULL,
    card_id             BIGINT       NOT NULL,
    amount              BIGINT       NOT NULL,
    fee                 BIGINT       NOT NULL,
    free_quota_consumed BIGINT       NOT NULL,
    status              VARCHAR(12)  NOT NULL,
    posting_id          BIGINT       NOT NULL,
    reversal_posting_id BIGINT       NULL,
    requested_at        DATETIME(6)  NOT NULL,
    settled_at          DATETIME(6)  NULL,
    CONSTRAINT uk_withdrawal_public_id UNIQUE (public_id),
    CONSTRAINT fk_withdrawal_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_withdrawal_card FOREIGN KEY (card_id) REFERENCES bank_card (id),
    CONSTRAINT fk_withdrawal_posting FOREIGN KEY (posting_id) REFERENCES posting (id),
    CONSTRAINT fk_withdrawal_reversal FOREIGN KEY (reversal_posting_id) REFERENCES posting (id),
    CONSTRAINT ck_withdrawal_amount CHECK (amount > 0 AND fee >= 0),
    CONSTRAINT ck_withdrawal_status CHECK (status IN ('PROCESSING', 'SUCCEEDED', 'FAILED')),
    KEY idx_withdrawal_status (status, requested_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE transfer (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id           CHAR(20)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    sender_id           BIGINT       NOT NULL,
    receiver_id         BIGINT       NOT NULL,
    amount              BIGINT       NOT NULL,
    memo                VARCHAR(60)  NULL,
    status              VARCHAR(10)  NOT NULL,
    escrow_account_id   BIGINT       NOT NULL,
    send_posting_id     BIGINT       NOT NULL,
    settle_posting_id   BIGINT       NULL,
    created_at          DATETIME(6)  NOT NULL,
    expires_at          DATETIME(6)  NOT NULL,
    settled_at          DATETIME(6)  NULL,
    CONSTRAINT uk_transfer_public_id UNIQUE (public_id),
    CONSTRAINT fk_transfer_sender FOREIGN KEY (sender_id) REFERENCES person (id),
    CONSTRAINT fk_transfer_receiver FOREIGN KEY (receiver_id) REFERENCES person (id),
    CONSTRAINT fk_transfer_escrow FOREIGN KEY (escrow_account_id) REFERENCES ledger_account (id),
    CONSTRAINT fk_transfer_send_posting FOREIGN KEY (send_posting_id) REFERENCES posting (id),
    CONSTRAINT fk_transfer_settle_posting FOREIGN KEY (settle_posting_id) REFERENCES posting (id),
    CONSTRAINT ck_transfer_amount CHECK (amount > 0),
    CONSTRAINT ck_transfer_parties CHECK (sender_id <> receiver_id),
    CONSTRAINT ck_transfer_status CHECK (status IN ('PENDING', 'ACCEPTED', 'RETURNED', 'EXPIRED')),
    CONSTRAINT ck_transfer_settlement CHECK ((status = 'PENDING') = (settle_posting_id IS NULL)),
    KEY idx_transfer_due (status, expires_at),
    KEY idx_transfer_receiver (receiver_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE red_packet (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id           CHAR(20)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    sender_id           BIGINT       NOT NULL,
    kind                VARCHAR(12)  NOT NULL,
    recipient_id        BIGINT       NULL,
    greeting            VARCHAR(60)  NOT NULL,
    total_amount        BIGINT       NOT NULL,
    shares              INT          NOT NULL,
    remaining_amount    BIGINT       NOT NULL,
    remaining_shares    INT          NOT NULL,
    status              VARCHAR(10)  NOT NULL,
    escrow_account_id   BIGINT       NOT NULL,
    send_posting_id     BIGINT       NOT NULL,
    refund_posting_id   BIGINT       NULL,
    created_at          DATETIME(6)  NOT NULL,
    expires_at          DATETIME(6)  NOT NULL,
    finished_at         DATETIME(6)  NULL,
    CONSTRAINT uk_red_packet_public_id UNIQUE (public_id),
    CONSTRAINT fk_red_packet_sender FOREIGN KEY (sender_id) REFERENCES person (id),
    CONSTRAINT fk_red_packet_recipient FOREIGN KEY (recipient_id) REFERENCES person (id),
    CONSTRAINT fk_red_packet_escrow FOREIGN KEY (escrow_account_id) REFERENCES ledger_account (id),
    CONSTRAINT fk_red_packet_send_posting FOREIGN KEY (send_posting_id) REFERENCES posting (id),
    CONSTRAINT fk_red_packet_refund_posting FOREIGN KEY (refund_posting_id) REFERENCES posting (id),
    CONSTRAINT ck_red_packet_kind CHECK (kind IN ('ONE_TO_ONE', 'LUCKY', 'EQUAL')),
    CONSTRAINT ck_red_packet_status CHECK (status IN ('ACTIVE', 'FINISHED', 'EXPIRED')),
    CONSTRAINT ck_red_packet_amounts CHECK (total_amount >= shares AND shares BETWEEN 1 AND 100
        AND remaining_amount BETWEEN 0 AND total_amount AND remaining_shares BETWEEN 0 AND shares),
    KEY idx_red_packet_due (status, expires_at),
    KEY idx_red_packet_sender (sender_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Shares are drawn when the packet is sent (so that they can be audited) and handed out in seq order.
CREATE TABLE red_packet_share (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    packet_id       BIGINT       NOT NULL,
    seq             INT          NOT NULL,
    amount          BIGINT       NOT NULL,
    claimer_id      BIGINT       NULL,
    claimed_at      DATETIME(6)  NULL,
    posting_id      BIGINT       NULL,
    best_luck       BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT uk_red_packet_share_seq UNIQUE (packet_id, seq),
    -- One share per person and packet, whatever the application does.
    CONSTRAINT uk_red_packet_share_claimer UNIQUE (packet_id, claimer_id),
    CONSTRAINT fk_red_packet_share_packet FOREIGN KEY (packet_id) REFERENCES red_packet (id),
    CONSTRAINT fk_red_packet_share_claimer FOREIGN KEY (claimer_id) REFERENCES person (id),
    CONSTRAINT fk_red_packet_share_posting FOREIGN KEY (posting_id) REFERENCES posting (id),
    CONSTRAINT ck_red_packet_share_amount CHECK (amount > 0),
    KEY idx_red_packet_share_claimer (claimer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ledger_audit_run (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ran_at              DATETIME(6)  NOT NULL,
    passed              BOOLEAN      NOT NULL,
    postings            BIGINT       NOT NULL,
    accounts            BIGINT       NOT NULL,
    unbalanced_postings BIGINT       NOT NULL,
    mismatched_balances BIGINT       NOT NULL,
    forbidden_negatives BIGINT       NOT NULL,
    balance_total       BIGINT       NOT NULL,
    escrow_difference   BIGINT       NOT NULL,
    findings            VARCHAR(2000) NULL,
    duration_ms         BIGINT       NOT NULL,
    KEY idx_ledger_audit_run_time (ran_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The platform's own accounts, 32 shards of each kind (shard = high * 8 + low).
INSERT INTO ledger_account (kind, shard, balance, may_go_negative, created_at)
SELECT k.kind, high.n * 8 + low.n, 0, k.may_go_negative, UTC_TIMESTAMP(6)
FROM (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) high
CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7) low
CROSS JOIN (SELECT 'BANK_SETTLEMENT' AS kind, TRUE AS may_go_negative
            UNION ALL SELECT 'FEE_INCOME', FALSE
            UNION ALL SELECT 'TRANSFER_ESCROW', FALSE
            UNION ALL SELECT 'RED_PACKET_ESCROW', FALSE) k
ORDER BY k.kind, high.n, low.n;
