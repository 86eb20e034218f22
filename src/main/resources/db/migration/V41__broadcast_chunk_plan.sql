-- Chunks are planned ahead of the fan-out so that two run at once (docs/broadcasts.md, "Fan-out"): the broadcast row
-- keeps how far the plan has come, read and written only under its lock by the chunk that ends.
ALTER TABLE broadcast
    ADD COLUMN planned_chunks  INT         NOT NULL DEFAULT 0,
    -- The last planned chunk's upper follower id; the next chunk starts after it.
    ADD COLUMN planned_through BIGINT      NOT NULL DEFAULT 0,
    -- The last chunk (every follower after planned_through) is planned.
    ADD COLUMN fully_planned   BOOLEAN     NOT NULL DEFAULT FALSE,
    -- When the last planned chunk was due: the broadcast's speed spaces the next one from it.
    ADD COLUMN last_chunk_due  DATETIME(6) NULL;

-- A broadcast caught mid-way by the upgrade has one PENDING chunk whose end was to be found when it ran: it becomes the
-- last chunk, to the end of the followers, and the plan is complete.
UPDATE broadcast_chunk c JOIN broadcast b ON b.id = c.broadcast_id
   SET c.to_follower_id = 9223372036854775807
 WHERE b.status = 'SENDING' AND c.state = 'PENDING';
UPDATE broadcast b
   SET b.planned_chunks = (SELECT COUNT(*) FROM broadcast_chunk c WHERE c.broadcast_id = b.id),
       b.fully_planned = TRUE
 WHERE b.status = 'SENDING';

-- The broadcast that last took a follower's receipt of the month: a chunk counts its receipts first and then delivers
-- to the followers it marked, so it never reads the receipts with the shared locks that deadlocked chunks side by side.
ALTER TABLE broadcast_monthly
    ADD COLUMN last_broadcast_id BIGINT NULL;
