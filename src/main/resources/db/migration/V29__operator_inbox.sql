-- The operator inbox: the account's side of each conversation. What the account sees differs from what the person
-- sees (a blacklisted follower's messages are withheld from the account), so it has its own last message, its own
-- order and its own unread count.
ALTER TABLE conversation
    ADD COLUMN account_last_message_id BIGINT      NULL,
    ADD COLUMN account_last_message_at DATETIME(6) NULL,
    ADD COLUMN unread_by_account       INT         NOT NULL DEFAULT 0;

UPDATE conversation c
   SET c.account_last_message_id = (SELECT MAX(m.id) FROM conversation_message m
                                     WHERE m.conversation_id = c.id AND m.withheld = FALSE);

UPDATE conversation c
   SET c.account_last_message_at = (SELECT m.created_at FROM conversation_message m
                                     WHERE m.id = c.account_last_message_id)
 WHERE c.account_last_message_id IS NOT NULL;

CREATE INDEX idx_conversation_account_recent ON conversation (account_id, account_last_message_at, id);
