-- Refunds (docs/merchants.md, "Refunds"): up to 50 per paid order, together never more than it was paid, each
-- unique per merchant by the merchant's own out_refund_no. The money moves when a refund is accepted (one posting,
-- merchant account to the payer's wallet); the refund is then PROCESSING until its completion step records SUCCESS
-- and owes the merchant the refund notification.

-- The order keeps the running total and count under its own row lock, so two refunds racing for the last fen of an
-- order serialise on that row and the checks below hold at every commit.
ALTER TABLE merchant_order
    ADD COLUMN refunded_fee   BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN refund_count   INT         NOT NULL DEFAULT 0,
    ADD COLUMN last_refund_at DATETIME(6) NULL;
-- A day's bill lists the merchant's payments of that day.
CREATE INDEX idx_merchant_order_paid ON merchant_order (merchant_id, paid_at);
ALTER TABLE merchant_order DROP CONSTRAINT ck_merchant_order_state;
ALTER TABLE merchant_order ADD CONSTRAINT ck_merchant_order_state
    CHECK (state IN ('NOTPAY', 'SUCCESS', 'CLOSED', 'REFUND'));
ALTER TABLE merchant_order DROP CONSTRAINT ck_merchant_order_paid;
ALTER TABLE merchant_order ADD CONSTRAINT ck_merchant_order_paid CHECK ((state IN ('SUCCESS', 'REFUND'))
    = (transaction_id IS NOT NULL AND posting_id IS NOT NULL AND payer_id IS NOT NULL AND paid_at IS NOT NULL));
ALTER TABLE merchant_order ADD CONSTRAINT ck_merchant_order_refunds CHECK (refunded_fee BETWEEN 0 AND total_fee
    AND refund_count BETWEEN 0 AND 50 AND (state <> 'REFUND' OR refund_count > 0));

CREATE TABLE merchant_refund (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    -- WeChat's refund_id: 29 digits.
    refund_id           CHAR(29)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    merchant_id         BIGINT       NOT NULL,
    order_id            BIGINT       NOT NULL,
    -- The order's n-th refund (refundquery's _$n is n - 1).
    seq                 INT          NOT NULL,
    out_refund_no       VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    refund_fee          BIGINT       NOT NULL,
    refund_desc         VARCHAR(80)  NULL,
    notify_url          VARCHAR(256) NULL,
    -- SHA-256 of what makes a refund request "the same refund again" (control.RefundRequest).
    fingerprint         CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- API (the merchant's /secapi call) or VENDOR_PLATFORM (the portal), as the refund notification reports it.
    source              VARCHAR(16)  NOT NULL,
    state               VARCHAR(10)  NOT NULL,
    posting_id          BIGINT       NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    succeeded_at        DATETIME(6)  NULL,
    CONSTRAINT uk_merchant_refund_refund_id UNIQUE (refund_id),
    CONSTRAINT uk_merchant_refund_out_refund_no UNIQUE (merchant_id, out_refund_no),
    CONSTRAINT uk_merchant_refund_seq UNIQUE (order_id, seq),
    CONSTRAINT uk_merchant_refund_posting UNIQUE (posting_id),
    CONSTRAINT fk_merchant_refund_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT fk_merchant_refund_order FOREIGN KEY (order_id) REFERENCES merchant_order (id),
    CONSTRAINT fk_merchant_refund_posting FOREIGN KEY (posting_id) REFERENCES posting (id),
    CONSTRAINT ck_merchant_refund_fee CHECK (refund_fee > 0),
    CONSTRAINT ck_merchant_refund_seq CHECK (seq BETWEEN 1 AND 50),
    CONSTRAINT ck_merchant_refund_source CHECK (source IN ('API', 'VENDOR_PLATFORM')),
    CONSTRAINT ck_merchant_refund_state CHECK (state IN ('PROCESSING', 'SUCCESS')),
    CONSTRAINT ck_merchant_refund_done CHECK ((state = 'SUCCESS') = (succeeded_at IS NOT NULL)),
    KEY idx_merchant_refund_state (state, created_at),
    KEY idx_merchant_refund_day (merchant_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A notification is now a payment's (seq 0) or a refund's (its seq and refund): one of each per order and refund.
-- The new unique key also serves the order's foreign key, so the old one can go.
ALTER TABLE pay_notification
    ADD COLUMN seq       INT    NOT NULL DEFAULT 0,
    ADD COLUMN refund_id BIGINT NULL;
ALTER TABLE pay_notification ADD CONSTRAINT uk_pay_notification_subject UNIQUE (order_id, seq);
ALTER TABLE pay_notification DROP INDEX uk_pay_notification_order;
ALTER TABLE pay_notification ADD CONSTRAINT fk_pay_notification_refund FOREIGN KEY (refund_id)
    REFERENCES merchant_refund (id);
ALTER TABLE pay_notification ADD CONSTRAINT ck_pay_notification_subject CHECK ((seq = 0) = (refund_id IS NULL));
