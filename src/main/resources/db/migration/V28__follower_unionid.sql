-- user/info read a follower's unionid through the account's owner and union_identity: two more round trips on the
-- busiest follower read (docs/performance.md). The row now carries a copy, made when the person follows; an account's
-- owner never changes, so neither does the copy. union_identity stays the source (one unionid per owner and person).
ALTER TABLE follower ADD COLUMN unionid VARCHAR(28) CHARACTER SET ascii COLLATE ascii_bin NULL;

UPDATE follower f
    JOIN official_account_member m ON m.account_id = f.account_id AND m.role = 'OWNER'
    JOIN union_identity u ON u.owner_person_id = m.person_id AND u.person_id = f.person_id
SET f.unionid = u.unionid;
