-- Platform administrators suspend a merchant (docs/merchants.md, "Suspension"): its /pay and /secapi calls answer
-- NOAUTH, payers cannot pay its orders, its settlement waits; refunds already accepted and notifications go on.
ALTER TABLE merchant
    ADD COLUMN suspended_at      DATETIME(6)  NULL,
    ADD COLUMN suspension_reason VARCHAR(200) NULL,
    ADD CONSTRAINT ck_merchant_suspension CHECK ((suspended_at IS NULL) = (suspension_reason IS NULL));
