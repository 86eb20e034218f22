-- Merchants (docs/merchants.md): a verified service account's merchant number, its API key sealed under OA_SECRET_KEY
-- (signatures need the key itself, so it cannot be hashed), its ledger account, orders unique per merchant by the
-- merchant's own out_trade_no, and the payment notifications with every attempt logged.

-- A merchant's ledger account receives its payments: kind MERCHANT, no person, never negative.
ALTER TABLE ledger_account DROP CONSTRAINT ck_ledger_account_kind;
ALTER TABLE ledger_account ADD CONSTRAINT ck_ledger_account_kind CHECK (kind IN ('WALLET', 'BANK_SETTLEMENT',
    'FEE_INCOME', 'TRANSFER_ESCROW', 'RED_PACKET_ESCROW', 'MERCHANT'));

CREATE TABLE merchant (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    mch_id              CHAR(10)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    account_id          BIGINT       NOT NULL,
    owner_id            BIGINT       NOT NULL,
    settlement_card_id  BIGINT       NOT NULL,
    ledger_account_id   BIGINT       NOT NULL,
    -- AES-GCM under OA_SECRET_KEY (platform.control.Sealer), base64.
    api_key_sealed      VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    api_key_set_at      DATETIME(6)  NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    CONSTRAINT uk_merchant_mch_id UNIQUE (mch_id),
    CONSTRAINT uk_merchant_account UNIQUE (account_id),
    CONSTRAINT uk_merchant_ledger_account UNIQUE (ledger_account_id),
    CONSTRAINT fk_merchant_account FOREIGN KEY (account_id) REFERENCES official_account (id),
    CONSTRAINT fk_merchant_owner FOREIGN KEY (owner_id) REFERENCES person (id),
    CONSTRAINT fk_merchant_card FOREIGN KEY (settlement_card_id) REFERENCES bank_card (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
-- No foreign key to ledger_account: checking one takes a shared lock on the account row that every payment to the
-- merchant then needs exclusively (see V10). The audit checks that merchant accounts hold exactly the paid orders.

-- Ids from the application (TimeOrderedIds). A payment locks this row first and the ledger accounts after.
CREATE TABLE merchant_order (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    public_id           CHAR(20)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    merchant_id         BIGINT       NOT NULL,
    out_trade_no        VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    trade_type          VARCHAR(8)   NOT NULL,
    body                VARCHAR(128) NOT NULL,
    attach              VARCHAR(127) NULL,
    total_fee           BIGINT       NOT NULL,
    product_id          VARCHAR(32)  NULL,
    -- JSAPI: the follower who alone may pay it.
    openid              VARCHAR(28)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    device_info         VARCHAR(32)  NULL,
    notify_url          VARCHAR(256) NOT NULL,
    spbill_create_ip    VARCHAR(64)  NOT NULL,
    sign_type           VARCHAR(12)  NOT NULL,
    -- SHA-256 of the fields that make a unified order "the same order again" (control.UnifiedOrder).
    fingerprint         CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    prepay_id           VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    code_token          VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    payable_until       DATETIME(6)  NOT NULL,
    time_expire         DATETIME(6)  NULL,
    state               VARCHAR(10)  NOT NULL,
    transaction_id      CHAR(28)     CHARACTER SET ascii COLLATE ascii_bin NULL,
    payer_id            BIGINT       NULL,
    payer_openid        VARCHAR(28)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    posting_id          BIGINT       NULL,
    created_at          DATETIME(6)  NOT NULL,
    paid_at             DATETIME(6)  NULL,
    closed_at           DATETIME(6)  NULL,
    CONSTRAINT uk_merchant_order_public_id UNIQUE (public_id),
    CONSTRAINT uk_merchant_order_out_trade_no UNIQUE (merchant_id, out_trade_no),
    CONSTRAINT uk_merchant_order_prepay_id UNIQUE (prepay_id),
    CONSTRAINT uk_merchant_order_code_token UNIQUE (code_token),
    CONSTRAINT uk_merchant_order_transaction_id UNIQUE (transaction_id),
    CONSTRAINT fk_merchant_order_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT fk_merchant_order_payer FOREIGN KEY (payer_id) REFERENCES person (id),
    CONSTRAINT fk_merchant_order_posting FOREIGN KEY (posting_id) REFERENCES posting (id),
    CONSTRAINT ck_merchant_order_fee CHECK (total_fee > 0),
    CONSTRAINT ck_merchant_order_type CHECK (trade_type IN ('NATIVE', 'JSAPI')),
    CONSTRAINT ck_merchant_order_state CHECK (state IN ('NOTPAY', 'SUCCESS', 'CLOSED')),
    CONSTRAINT ck_merchant_order_paid CHECK ((state = 'SUCCESS') = (transaction_id IS NOT NULL
        AND posting_id IS NOT NULL AND payer_id IS NOT NULL AND paid_at IS NOT NULL)),
    KEY idx_merchant_order_state (merchant_id, state, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One per paid order; the delivery state lives here, so any instance's timer finishes what another started.
CREATE TABLE pay_notification (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    order_id            BIGINT       NOT NULL,
    state               VARCHAR(10)  NOT NULL,
    attempts            INT          NOT NULL DEFAULT 0,
    next_attempt_at     DATETIME(6)  NOT NULL,
    lease_until         DATETIME(6)  NULL,
    last_error          VARCHAR(500) NULL,
    created_at          DATETIME(6)  NOT NULL,
    delivered_at        DATETIME(6)  NULL,
    CONSTRAINT uk_pay_notification_order UNIQUE (order_id),
    CONSTRAINT fk_pay_notification_order FOREIGN KEY (order_id) REFERENCES merchant_order (id),
    CONSTRAINT ck_pay_notification_state CHECK (state IN ('PENDING', 'IN_FLIGHT', 'DELIVERED', 'GAVE_UP')),
    KEY idx_pay_notification_due (state, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE pay_notification_attempt (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    notification_id     BIGINT       NOT NULL,
    attempt             INT          NOT NULL,
    attempted_at        DATETIME(6)  NOT NULL,
    delivered           BOOLEAN      NOT NULL,
    latency_ms          BIGINT       NOT NULL,
    error               VARCHAR(500) NULL,
    reply               VARCHAR(4096) NULL,
    CONSTRAINT fk_pay_notification_attempt FOREIGN KEY (notification_id) REFERENCES pay_notification (id),
    KEY idx_pay_notification_attempt (notification_id, attempt)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
