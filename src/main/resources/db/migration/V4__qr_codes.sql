-- Parametric QR codes of official accounts (spec §8.1) and the scans of them (subscribe or SCAN, spec §2.3).

CREATE TABLE qr_code (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT       NOT NULL,
    -- Random base64url: binary collation, because tickets differ by letter case.
    ticket          VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    action_name     VARCHAR(20)  NOT NULL,
    scene_id        BIGINT       NULL,
    -- Scene strings are the developer's keys: "A" and "a" are two scenes.
    scene_str       VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    permanent       BOOLEAN      NOT NULL,
    -- Only permanent codes have it ("id:<scene_id>" or "str:<scene_str>"); MySQL has no partial unique index,
    -- and NULLs never collide, so the unique key below holds for permanent codes only.
    permanent_scene VARCHAR(72)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    expires_at      DATETIME(6)  NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_qr_code_ticket UNIQUE (ticket),
    CONSTRAINT uk_qr_code_permanent_scene UNIQUE (account_id, permanent_scene),
    CONSTRAINT fk_qr_code_account FOREIGN KEY (account_id) REFERENCES official_account (id),
    CONSTRAINT ck_qr_code_kind CHECK ((permanent AND expires_at IS NULL AND permanent_scene IS NOT NULL)
        OR (NOT permanent AND expires_at IS NOT NULL AND permanent_scene IS NULL)),
    CONSTRAINT ck_qr_code_scene CHECK ((scene_id IS NULL) <> (scene_str IS NULL)),
    KEY idx_qr_code_expiry (permanent, expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE qr_scan (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    qr_code_id      BIGINT       NOT NULL,
    person_id       BIGINT       NOT NULL,
    scanned_at      DATETIME(6)  NOT NULL,
    outcome         VARCHAR(10)  NOT NULL,
    CONSTRAINT fk_qr_scan_code FOREIGN KEY (qr_code_id) REFERENCES qr_code (id),
    CONSTRAINT fk_qr_scan_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT ck_qr_scan_outcome CHECK (outcome IN ('SUBSCRIBE', 'SCAN')),
    KEY idx_qr_scan_code (qr_code_id, scanned_at),
    KEY idx_qr_scan_person (person_id, scanned_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
