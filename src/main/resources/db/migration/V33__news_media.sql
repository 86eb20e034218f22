-- News media (spec §6.1 media/uploadnews): an account's articles, kept three days like every temporary media, sent
-- by broadcasts (mpnews) and customer-service messages (mpnews). No file: the articles are the content.
CREATE TABLE media_news (
    id               BIGINT       NOT NULL PRIMARY KEY,
    -- "med_" and 16 hex digits, from the same generator as the files' media_id: one namespace for every media id.
    media_id         VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    owner_account_id BIGINT       NOT NULL,
    -- The articles as JSON, in the client API's camelCase (title, author, digest, thumbMediaId, ...).
    articles         MEDIUMTEXT   NOT NULL,
    article_count    INT          NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    expires_at       DATETIME(6)  NOT NULL,
    CONSTRAINT uk_media_news_media_id UNIQUE (media_id),
    CONSTRAINT fk_media_news_account FOREIGN KEY (owner_account_id) REFERENCES official_account (id),
    CONSTRAINT ck_media_news_count CHECK (article_count BETWEEN 1 AND 8),
    KEY idx_media_news_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
