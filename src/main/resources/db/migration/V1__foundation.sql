-- Foundation: audit log, personal accounts, SMS codes and outbox, sessions, official accounts with members,
-- whitelist and verification, access tokens and per-API daily quotas. All times are UTC.

CREATE TABLE audit_entry (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at     DATETIME(6)  NOT NULL,
    actor           VARCHAR(80)  NOT NULL,
    action          VARCHAR(60)  NOT NULL,
    target          VARCHAR(120) NULL,
    detail          VARCHAR(1000) NULL,
    remote_address  VARCHAR(64)  NULL,
    correlation_id  VARCHAR(64)  NULL,
    KEY idx_audit_target_action_time (target, action, occurred_at),
    KEY idx_audit_time (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE person (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    phone           VARCHAR(20)  NOT NULL,
    region          CHAR(2)      NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    display_name    VARCHAR(64)  NOT NULL,
    handle          VARCHAR(20)  NULL,
    handle_changes  INT          NOT NULL DEFAULT 0,
    language        VARCHAR(10)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_person_phone UNIQUE (phone),
    CONSTRAINT uk_person_handle UNIQUE (handle)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE verification_code (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    phone           VARCHAR(20)  NOT NULL,
    code_hash       CHAR(64)     NOT NULL,
    requested_from  VARCHAR(64)  NULL,
    created_at      DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    failed_attempts INT          NOT NULL DEFAULT 0,
    spent_at        DATETIME(6)  NULL,
    KEY idx_code_phone_time (phone, created_at),
    KEY idx_code_address_time (requested_from, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sms_outbox (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    phone           VARCHAR(20)  NOT NULL,
    body            VARCHAR(500) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    KEY idx_sms_phone (phone)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE person_session (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_id       BIGINT       NOT NULL,
    token_hash      CHAR(64)     NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    revoked_at      DATETIME(6)  NULL,
    CONSTRAINT uk_session_token UNIQUE (token_hash),
    CONSTRAINT fk_session_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE official_account (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    app_id               CHAR(18)     NOT NULL,
    original_id          VARCHAR(20)  NOT NULL,
    secret_hash          CHAR(64)     NOT NULL,
    secret_reset_at      DATETIME(6)  NOT NULL,
    name                 VARCHAR(30)  NOT NULL,
    account_type         VARCHAR(16)  NOT NULL,
    region               VARCHAR(16)  NOT NULL,
    entity_type          VARCHAR(16)  NOT NULL,
    description          VARCHAR(500) NULL,
    legal_name           VARCHAR(200) NULL,
    registration_number  VARCHAR(64)  NULL,
    legal_representative VARCHAR(100) NULL,
    verification_status  VARCHAR(16)  NOT NULL,
    verified_until       DATETIME(6)  NULL,
    created_at           DATETIME(6)  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_account_appid UNIQUE (app_id),
    CONSTRAINT uk_account_original_id UNIQUE (original_id),
    CONSTRAINT uk_account_name UNIQUE (name),
    KEY idx_account_verification (verification_status, verified_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE official_account_member (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT       NOT NULL,
    person_id       BIGINT       NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    added_at        DATETIME(6)  NOT NULL,
    CONSTRAINT uk_member UNIQUE (account_id, person_id),
    CONSTRAINT fk_member_account FOREIGN KEY (account_id) REFERENCES official_account (id),
    CONSTRAINT fk_member_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE official_account_ip (
    account_id      BIGINT       NOT NULL,
    address         VARCHAR(64)  NOT NULL,
    PRIMARY KEY (account_id, address),
    CONSTRAINT fk_ip_account FOREIGN KEY (account_id) REFERENCES official_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE verification_application (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id       VARCHAR(20)  NOT NULL,
    account_id      BIGINT       NOT NULL,
    submitted_by    BIGINT       NOT NULL,
    submitted_at    DATETIME(6)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    decided_by      BIGINT       NULL,
    decided_at      DATETIME(6)  NULL,
    decision_reason VARCHAR(500) NULL,
    CONSTRAINT uk_application_public_id UNIQUE (public_id),
    CONSTRAINT fk_application_account FOREIGN KEY (account_id) REFERENCES official_account (id),
    KEY idx_application_status (status, submitted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE verification_document (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id  BIGINT       NOT NULL,
    document_type   VARCHAR(32)  NOT NULL,
    file_name       VARCHAR(200) NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      INT          NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    content         LONGBLOB     NOT NULL,
    CONSTRAINT fk_document_application FOREIGN KEY (application_id) REFERENCES verification_application (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE access_token (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT       NOT NULL,
    token_hash      CHAR(64)     NOT NULL,
    kind            VARCHAR(8)   NOT NULL,
    issued_at       DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    superseded_at   DATETIME(6)  NULL,
    sealed_value    VARCHAR(512) NULL,
    CONSTRAINT uk_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_token_account FOREIGN KEY (account_id) REFERENCES official_account (id),
    KEY idx_token_account_kind (account_id, kind, issued_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE api_quota_usage (
    account_id      BIGINT       NOT NULL,
    api             VARCHAR(100) NOT NULL,
    quota_day       DATE         NOT NULL,
    used            INT          NOT NULL,
    PRIMARY KEY (account_id, api, quota_day),
    CONSTRAINT fk_quota_account FOREIGN KEY (account_id) REFERENCES official_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
