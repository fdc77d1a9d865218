-- The supplier directory. Personal data (the contact person) lives in supplier_contact so that an
-- erasure removes one row and leaves the structure's public, non-personal history intact.
CREATE TABLE supplier (
    id                  BIGSERIAL PRIMARY KEY,
    siret               CHAR(14)     NOT NULL UNIQUE,
    siren               CHAR(9)      NOT NULL,
    slug                VARCHAR(160) NOT NULL UNIQUE,
    name                VARCHAR(200) NOT NULL,
    trade_name          VARCHAR(200),
    legal_form          VARCHAR(40)  NOT NULL,
    size                VARCHAR(3)   NOT NULL CHECK (size IN ('TPE', 'PME', 'ETI', 'GE')),
    kind                VARCHAR(16)  NOT NULL,
    ess                 BOOLEAN      NOT NULL,
    commune_code        VARCHAR(5)   NOT NULL REFERENCES commune (code),
    description         VARCHAR(4000) NOT NULL DEFAULT '',
    website             VARCHAR(300),
    status              VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'PUBLISHED', 'REJECTED', 'SUSPENDED', 'ERASED')),
    review_needed       BOOLEAN      NOT NULL DEFAULT TRUE,
    status_reason       VARCHAR(1000),
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    published_at        TIMESTAMPTZ,
    last_activity_at    TIMESTAMPTZ  NOT NULL,
    retention_notice_at TIMESTAMPTZ
);
CREATE INDEX supplier_siren_idx ON supplier (siren);
CREATE INDEX supplier_status_idx ON supplier (status, review_needed);
CREATE INDEX supplier_activity_idx ON supplier (last_activity_at) WHERE status <> 'ERASED';

CREATE TABLE supplier_contact (
    supplier_id BIGINT PRIMARY KEY REFERENCES supplier (id) ON DELETE CASCADE,
    name        VARCHAR(120) NOT NULL,
    role        VARCHAR(120),
    email       VARCHAR(254) NOT NULL,
    phone       VARCHAR(30)
);

CREATE TABLE supplier_sector (
    supplier_id BIGINT      NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
    sector_code VARCHAR(80) NOT NULL REFERENCES sector (code),
    PRIMARY KEY (supplier_id, sector_code)
);
CREATE INDEX supplier_sector_code_idx ON supplier_sector (sector_code);

CREATE TABLE supplier_label (
    supplier_id  BIGINT      NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
    label_code   VARCHAR(64) NOT NULL REFERENCES label (code),
    proof        VARCHAR(300),
    expires_on   DATE,
    verified     BOOLEAN     NOT NULL DEFAULT FALSE,
    verified_at  TIMESTAMPTZ,
    verified_by  BIGINT REFERENCES account (id) ON DELETE SET NULL,
    PRIMARY KEY (supplier_id, label_code)
);

-- Where the structure works: a commune, an EPCI or EPT, a département, a région, or the whole country.
CREATE TABLE supplier_area (
    supplier_id BIGINT     NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
    area_type   VARCHAR(12) NOT NULL CHECK (area_type IN ('COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION', 'NATIONAL')),
    area_code   VARCHAR(9)  NOT NULL,
    PRIMARY KEY (supplier_id, area_type, area_code)
);

CREATE TABLE supplier_offer (
    supplier_id BIGINT       NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
    position    INTEGER      NOT NULL,
    text        VARCHAR(200) NOT NULL,
    PRIMARY KEY (supplier_id, position)
);

CREATE TABLE supplier_client_reference (
    supplier_id BIGINT       NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
    position    INTEGER      NOT NULL,
    client      VARCHAR(200) NOT NULL,
    year        INTEGER,
    object      VARCHAR(300) NOT NULL,
    PRIMARY KEY (supplier_id, position)
);

-- Each consent with the exact text shown, its version, when it was given and when withdrawn.
CREATE TABLE supplier_consent (
    id           BIGSERIAL PRIMARY KEY,
    supplier_id  BIGINT       NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
    kind         VARCHAR(16)  NOT NULL CHECK (kind IN ('PUBLISH_CONTACT', 'RECONTACT', 'ALERTS')),
    version      VARCHAR(16)  NOT NULL,
    text         VARCHAR(600) NOT NULL,
    granted_at   TIMESTAMPTZ  NOT NULL,
    withdrawn_at TIMESTAMPTZ
);
CREATE INDEX supplier_consent_supplier_idx ON supplier_consent (supplier_id, kind);

CREATE TABLE recontact_request (
    id          BIGSERIAL PRIMARY KEY,
    supplier_id BIGINT        NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
    topic       VARCHAR(200)  NOT NULL,
    sectors     VARCHAR(1000) NOT NULL DEFAULT '',
    message     VARCHAR(4000) NOT NULL DEFAULT '',
    status      VARCHAR(10)   NOT NULL CHECK (status IN ('NEW', 'ASSIGNED', 'ANSWERED', 'CLOSED')),
    assigned_to BIGINT REFERENCES account (id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    assigned_at TIMESTAMPTZ,
    answered_at TIMESTAMPTZ,
    closed_at   TIMESTAMPTZ
);
CREATE INDEX recontact_request_status_idx ON recontact_request (status, created_at);

-- History of changes: who, when, what (field names, never the personal values).
CREATE TABLE supplier_history (
    id          BIGSERIAL PRIMARY KEY,
    supplier_id BIGINT       NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
    occurred_at TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(120) NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    detail      VARCHAR(1000)
);
CREATE INDEX supplier_history_supplier_idx ON supplier_history (supplier_id, occurred_at DESC);

-- Single-use links mailed to the contact person (profile update, data export, erasure).
CREATE TABLE supplier_link (
    id          BIGSERIAL PRIMARY KEY,
    supplier_id BIGINT      NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
    token_hash  CHAR(64)    NOT NULL UNIQUE,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL
);

-- Change events for the search index, written in the same transaction as the change (outbox).
CREATE TABLE search_outbox (
    id           BIGSERIAL PRIMARY KEY,
    entity       VARCHAR(20) NOT NULL,
    entity_id    BIGINT      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    processed_at TIMESTAMPTZ,
    attempts     INTEGER     NOT NULL DEFAULT 0,
    last_error   VARCHAR(500)
);
CREATE INDEX search_outbox_pending_idx ON search_outbox (id) WHERE processed_at IS NULL;

-- Anonymous form posts per IP (registration, recontact, link requests), for rate limiting.
CREATE TABLE form_submission (
    id           BIGSERIAL PRIMARY KEY,
    form         VARCHAR(20) NOT NULL,
    ip           VARCHAR(64) NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX form_submission_idx ON form_submission (form, ip, submitted_at);
