-- A top-up is recorded before the bank is asked (PENDING) and settled from its answer, or, when the answer was lost,
-- from a later status query (TopUps.reconcilePending): the bank is never called inside the transaction that posts.
-- Rows from before this migration were posted when they were written, so they are SUCCEEDED.
ALTER TABLE top_up
    MODIFY posting_id BIGINT NULL,
    ADD COLUMN status VARCHAR(12) NOT NULL DEFAULT 'SUCCEEDED' AFTER amount,
    ADD COLUMN idem_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER status,
    ADD COLUMN settled_at DATETIME(6) NULL AFTER created_at;

UPDATE top_up SET settled_at = created_at;

ALTER TABLE top_up
    ALTER COLUMN status DROP DEFAULT,
    ADD CONSTRAINT ck_top_up_status CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    ADD CONSTRAINT ck_top_up_posted CHECK ((status = 'SUCCEEDED') = (posting_id IS NOT NULL));

-- The reconciliation timer looks for old pending top-ups.
CREATE INDEX ix_top_up_status_created ON top_up (status, created_at);
