-- A merchant's static code (docs/merchants.md, "The static code"): one long-lived code_url per merchant that payers
-- scan and type the amount into, and where the orders it creates are notified, if anywhere.
ALTER TABLE merchant
    ADD COLUMN static_code_token  VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN static_notify_url  VARCHAR(256) NULL,
    ADD CONSTRAINT uk_merchant_static_code UNIQUE (static_code_token);
