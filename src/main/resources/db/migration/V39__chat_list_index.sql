-- The chat list pages a person's broadcasts beside their conversations by delivery time: the person's index orders
-- by it (and still serves the lookups by person and broadcast, and the subscription folder's grouping).
ALTER TABLE broadcast_recipient
    DROP KEY idx_recipient_person,
    ADD KEY idx_recipient_person (person_id, delivered_at, broadcast_id);
