-- The public id of what an idempotent request created or acted on, stored beside its answer: whoever finishes the
-- request later (the top-up's bank call, the withdrawal's payout) reads it here instead of parsing the stored JSON.
ALTER TABLE idempotency_record
    ADD COLUMN resource_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER response_body;

UPDATE idempotency_record SET resource_id = JSON_VALUE(response_body, '$.id')
 WHERE response_body IS NOT NULL AND JSON_VALID(response_body);
