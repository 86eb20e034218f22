-- When an unpaid order ends by itself (CLOSED): at its time_expire, or a week after it was placed when it has none
-- (WeChat keeps such an order about seven days, spec payments §1.7), so that every order ends (docs/merchants.md).
ALTER TABLE merchant_order
    ADD COLUMN closes_at DATETIME(6) NULL;

UPDATE merchant_order
   SET closes_at = COALESCE(time_expire, created_at + INTERVAL 7 DAY);

ALTER TABLE merchant_order
    MODIFY COLUMN closes_at DATETIME(6) NOT NULL;

CREATE INDEX idx_merchant_order_unpaid ON merchant_order (state, closes_at);
