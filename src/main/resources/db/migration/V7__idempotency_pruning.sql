-- Idempotency keys are forgotten after oa.idempotency.retention (IdempotentRequests.prune, hourly): the delete walks
-- this index from the oldest key instead of scanning the table.
CREATE INDEX ix_idempotency_created ON idempotency_record (created_at);
