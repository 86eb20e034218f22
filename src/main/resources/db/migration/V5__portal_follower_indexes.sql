-- Indexes for the portal's follower and QR code pages (portal/accounts/followers.xhtml, qrcodes.xhtml), so that their
-- pages cost the same at a million followers or codes as at the first.

-- Search by remark prefix among an account's followers (the plain list uses idx_follower_list, openid prefixes the
-- unique openid index).
CREATE INDEX idx_follower_remark ON follower (account_id, subscribed, remark);

-- An account's codes, newest first, paged by id (uk_qr_code_permanent_scene is ordered by scene, not by id).
CREATE INDEX idx_qr_code_account ON qr_code (account_id, id);

-- Scans of a page of codes counted by outcome from the index alone.
CREATE INDEX idx_qr_scan_outcome ON qr_scan (qr_code_id, outcome);
