-- A statement's first page lists the person's top-ups still pending at the bank; without this index that query reads
-- every top-up the person ever made.
CREATE INDEX ix_top_up_person_status ON top_up (person_id, status, created_at);
