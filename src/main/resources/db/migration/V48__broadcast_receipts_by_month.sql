-- A chunk delivers to the followers whose receipt of the month it took, reading the receipts it just wrote instead of
-- the followers a second time (docs/performance.md, run O): receipts are clustered by month and then follower, so a
-- chunk's receipts are one range of the key, and they carry the follower's person, which the recipient row needs.
ALTER TABLE broadcast_monthly
    ADD COLUMN person_id BIGINT NULL;

UPDATE broadcast_monthly m JOIN follower f ON f.id = m.follower_id
   SET m.person_id = f.person_id;

-- A receipt of a follower that no longer exists counts for nobody.
DELETE FROM broadcast_monthly WHERE person_id IS NULL;

ALTER TABLE broadcast_monthly
    MODIFY COLUMN person_id BIGINT NOT NULL,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (month_key, follower_id);
