-- Lock order (docs/payments.md): every flow writes or locks its business row first and the ledger accounts after.
-- A transfer, red packet or withdrawal is therefore inserted before the posting that moves its money exists, and
-- gets the posting's id later in the same transaction: the column is NULL only inside that transaction.
--
-- The escrow foreign keys go: checking one takes a shared lock on the escrow account's row, which the posting then
-- needs exclusively, so two sends through the same escrow shard would deadlock upgrading their shared locks. The
-- escrow account is derived from the sender's wallet (PlatformAccounts) and the ledger audit checks escrow totals.
ALTER TABLE transfer DROP FOREIGN KEY fk_transfer_escrow, DROP FOREIGN KEY fk_transfer_send_posting;
ALTER TABLE transfer MODIFY send_posting_id BIGINT NULL,
    ADD CONSTRAINT fk_transfer_send_posting FOREIGN KEY (send_posting_id) REFERENCES posting (id);

ALTER TABLE red_packet DROP FOREIGN KEY fk_red_packet_escrow, DROP FOREIGN KEY fk_red_packet_send_posting;
ALTER TABLE red_packet MODIFY send_posting_id BIGINT NULL,
    ADD CONSTRAINT fk_red_packet_send_posting FOREIGN KEY (send_posting_id) REFERENCES posting (id);

ALTER TABLE withdrawal DROP FOREIGN KEY fk_withdrawal_posting;
ALTER TABLE withdrawal MODIFY posting_id BIGINT NULL,
    ADD CONSTRAINT fk_withdrawal_posting FOREIGN KEY (posting_id) REFERENCES posting (id);
