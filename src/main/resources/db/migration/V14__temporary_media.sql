-- Temporary media (spec §9.1): the files live in OA_MEDIA_DIR, these rows say what each is, whose it is, who else
-- may read it and when it goes (three days after its upload; the purge timer removes row and file).

CREATE TABLE media (
    -- From TimeOrderedIds: assigned before the insert.
    id               BIGINT       NOT NULL PRIMARY KEY,
    -- "med_" and 16 hex digits (Ids.publicId): the media_id of the API.
    media_id         VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind             VARCHAR(8)   NOT NULL,
    format           VARCHAR(8)   NOT NULL,
    size_bytes       BIGINT       NOT NULL,
    -- Exactly one owner: the official account that uploaded it through /cgi-bin, or the person through /api/v1.
    owner_account_id BIGINT       NULL,
    owner_person_id  BIGINT       NULL,
    -- Below OA_MEDIA_DIR: "<UTC day of upload>/<media_id>".
    storage_path     VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- Videos only: the random key of the URL media/get answers for them (a bearer URL, as WeChat's video_url is).
    video_key        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    created_at       DATETIME(6)  NOT NULL,
    expires_at       DATETIME(6)  NOT NULL,
    CONSTRAINT uk_media_media_id UNIQUE (media_id),
    CONSTRAINT uk_media_video_key UNIQUE (video_key),
    CONSTRAINT fk_media_account FOREIGN KEY (owner_account_id) REFERENCES official_account (id),
    CONSTRAINT fk_media_person FOREIGN KEY (owner_person_id) REFERENCES person (id),
    CONSTRAINT ck_media_owner CHECK ((owner_account_id IS NULL) <> (owner_person_id IS NULL)),
    CONSTRAINT ck_media_kind CHECK (kind IN ('IMAGE', 'VOICE', 'VIDEO', 'THUMB')),
    CONSTRAINT ck_media_video_key CHECK ((kind = 'VIDEO') = (video_key IS NOT NULL)),
    CONSTRAINT ck_media_size CHECK (size_bytes > 0),
    KEY idx_media_expiry (expires_at),
    KEY idx_media_person_uploads (owner_person_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who else may read a media: the account a follower sent it to, the follower an account sent it to.
CREATE TABLE media_grant (
    media_pk     BIGINT      NOT NULL,
    grantee_kind VARCHAR(8)  NOT NULL,
    grantee_id   BIGINT      NOT NULL,
    granted_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (media_pk, grantee_kind, grantee_id),
    CONSTRAINT fk_media_grant_media FOREIGN KEY (media_pk) REFERENCES media (id),
    CONSTRAINT ck_media_grant_kind CHECK (grantee_kind IN ('ACCOUNT', 'PERSON'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
