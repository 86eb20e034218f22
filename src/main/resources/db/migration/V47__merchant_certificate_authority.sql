-- The platform's authority for merchants' API client certificates (docs/merchants.md, "Client certificate"): made on
-- first use, one row; its key sealed under OA_SECRET_KEY like the merchants' API keys.
CREATE TABLE merchant_certificate_authority (
    id                  TINYINT       NOT NULL PRIMARY KEY,
    certificate         VARCHAR(4000) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    private_key_sealed  VARCHAR(4000) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    CONSTRAINT ck_merchant_ca_single CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE merchant ADD COLUMN certificate_serial VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN certificate_issued_at DATETIME(6) NULL;
