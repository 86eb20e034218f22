-- Postings, their legs and transfers get their ids from the application (platform.control.TimeOrderedIds), so that
-- EclipseLink batches their inserts and reads no id back. Without AUTO_INCREMENT an insert that forgets the id fails
-- instead of taking max + 1, which could be an id the generator hands out next.
-- Other tables reference these ids; the column keeps its type (BIGINT NOT NULL), only the default goes, which
-- MySQL and MariaDB refuse on a column that foreign keys reference while their checks are on.
SET FOREIGN_KEY_CHECKS = 0;
ALTER TABLE posting MODIFY id BIGINT NOT NULL;
ALTER TABLE posting_leg MODIFY id BIGINT NOT NULL;
ALTER TABLE transfer MODIFY id BIGINT NOT NULL;
SET FOREIGN_KEY_CHECKS = 1;
