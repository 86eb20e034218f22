-- Merchant settlements (docs/merchants.md, "Settlement"): once a day each merchant's account is paid out to its
-- settlement card through the bank gateway, less the platform's fee on the transactions the settlement covers. One row
-- per merchant and Beijing business day (a unique key), so a timer that runs again, or on another instance, never
-- settles a day twice. A payout the bank refuses or fails is reversed, and the next day's settlement covers its
-- transactions again.
CREATE TABLE merchant_settlement (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    public_id           CHAR(20)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    merchant_id         BIGINT       NOT NULL,
    business_date       DATE         NOT NULL,
    card_id             BIGINT       NOT NULL,
    -- The transactions whose fee this settlement charges: paid or refunded at or after covered_from, before
    -- covered_until (the end of the business day).
    covered_from        DATETIME(6)  NOT NULL,
    covered_until       DATETIME(6)  NOT NULL,
    -- Taken from the merchant account (its whole balance when settled), the fee to fee income, the rest to the card.
    amount              BIGINT       NOT NULL,
    fee                 BIGINT       NOT NULL,
    net                 BIGINT       NOT NULL,
    -- NOTHING: the account held no more than the fee; nothing moved, the next settlement covers these transactions.
    status              VARCHAR(10)  NOT NULL,
    posting_id          BIGINT       NULL,
    reversal_posting_id BIGINT       NULL,
    created_at          DATETIME(6)  NOT NULL,
    settled_at          DATETIME(6)  NULL,
    CONSTRAINT uk_merchant_settlement_public_id UNIQUE (public_id),
    CONSTRAINT uk_merchant_settlement_day UNIQUE (merchant_id, business_date),
    CONSTRAINT fk_merchant_settlement_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT fk_merchant_settlement_card FOREIGN KEY (card_id) REFERENCES bank_card (id),
    CONSTRAINT fk_merchant_settlement_posting FOREIGN KEY (posting_id) REFERENCES posting (id),
    CONSTRAINT fk_merchant_settlement_reversal FOREIGN KEY (reversal_posting_id) REFERENCES posting (id),
    CONSTRAINT ck_merchant_settlement_status CHECK (status IN ('NOTHING', 'PROCESSING', 'SUCCEEDED', 'FAILED')),
    CONSTRAINT ck_merchant_settlement_sums CHECK (amount >= 0 AND fee >= 0 AND net = amount - fee),
    CONSTRAINT ck_merchant_settlement_posted CHECK ((status = 'NOTHING') = (posting_id IS NULL)
        AND (status = 'FAILED') = (reversal_posting_id IS NOT NULL)),
    KEY idx_merchant_settlement_status (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
