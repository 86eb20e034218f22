-- Payment codes (docs/merchants.md): the 18-digit code a person shows and a merchant scans for /pay/micropay. Only
-- its SHA-256 is stored: a code lives 60 seconds and is used once, so a database dump reveals nothing usable, and
-- guessing one live code from its hash means searching 10^16 codes within its minute.
CREATE TABLE payment_code (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code_hash           CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    person_id           BIGINT       NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    expires_at          DATETIME(6)  NOT NULL,
    used_at             DATETIME(6)  NULL,
    order_id            BIGINT       NULL,
    CONSTRAINT uk_payment_code_hash UNIQUE (code_hash),
    CONSTRAINT fk_payment_code_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_payment_code_order FOREIGN KEY (order_id) REFERENCES merchant_order (id),
    CONSTRAINT ck_payment_code_used CHECK ((used_at IS NULL) = (order_id IS NULL)),
    KEY idx_payment_code_person (person_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Micropay orders are placed and paid in one call. Only the trade type check changes here (the state check is left
-- to the refunds migration, V36).
ALTER TABLE merchant_order DROP CONSTRAINT ck_merchant_order_type;
ALTER TABLE merchant_order ADD CONSTRAINT ck_merchant_order_type CHECK (trade_type IN ('NATIVE', 'JSAPI', 'MICROPAY'));
