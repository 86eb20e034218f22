-- Micropay above the no-PIN limit and reverse (docs/merchants.md, "USERPAYING and reverse"). An order waiting for the
-- payer's payment password is USERPAYING with its payer known (the code's person) and nothing posted; it ends SUCCESS
-- when the payer confirms, or REVOKED when the merchant reverses it or its 45 seconds run out. A paid micropay order
-- the merchant reverses is REVOKED too, with the posting that gave the money back.
ALTER TABLE merchant_order ADD COLUMN reversal_posting_id BIGINT NULL;
ALTER TABLE merchant_order ADD CONSTRAINT fk_merchant_order_reversal FOREIGN KEY (reversal_posting_id)
    REFERENCES posting (id);
ALTER TABLE merchant_order DROP CONSTRAINT ck_merchant_order_state;
ALTER TABLE merchant_order ADD CONSTRAINT ck_merchant_order_state
    CHECK (state IN ('NOTPAY', 'USERPAYING', 'SUCCESS', 'CLOSED', 'REFUND', 'REVOKED'));
ALTER TABLE merchant_order DROP CONSTRAINT ck_merchant_order_paid;
-- Paid states have every trace of the payment; a reversed payment keeps them beside its reversal.
ALTER TABLE merchant_order ADD CONSTRAINT ck_merchant_order_paid CHECK (state NOT IN ('SUCCESS', 'REFUND')
    OR (transaction_id IS NOT NULL AND posting_id IS NOT NULL AND payer_id IS NOT NULL AND paid_at IS NOT NULL));
ALTER TABLE merchant_order ADD CONSTRAINT ck_merchant_order_reversal CHECK (reversal_posting_id IS NULL
    OR state = 'REVOKED' AND posting_id IS NOT NULL);
ALTER TABLE merchant_order ADD CONSTRAINT ck_merchant_order_unpaid CHECK (state NOT IN ('NOTPAY', 'USERPAYING', 'CLOSED')
    OR posting_id IS NULL);
ALTER TABLE merchant_order ADD CONSTRAINT ck_merchant_order_userpaying CHECK (state <> 'USERPAYING'
    OR payer_id IS NOT NULL);
-- The timer that revokes what waited too long.
CREATE INDEX idx_merchant_order_waiting ON merchant_order (state, payable_until);
