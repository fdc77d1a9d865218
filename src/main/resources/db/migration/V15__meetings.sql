-- Mails may carry one text attachment (the iCalendar file of a meeting). Dropped with the body once sent.
ALTER TABLE mail_outbox
    ADD COLUMN attachment_name    VARCHAR(120),
    ADD COLUMN attachment_type    VARCHAR(120),
    ADD COLUMN attachment_content TEXT;

-- Meetings: events organised by staff (rencontres acheteurs-fournisseurs, speed-meetings, forums, ateliers, portes ouvertes).
CREATE TABLE meeting_event (
    id                    BIGSERIAL PRIMARY KEY,
    kind                  VARCHAR(32)  NOT NULL,
    title                 VARCHAR(200) NOT NULL,
    description           TEXT         NOT NULL,
    starts_at             TIMESTAMPTZ  NOT NULL,
    ends_at               TIMESTAMPTZ  NOT NULL,
    address               VARCHAR(300),
    commune_code          VARCHAR(5),
    online_url            VARCHAR(500),
    capacity              INTEGER      NOT NULL CHECK (capacity > 0),
    -- last day to register, inclusive, in the authority's time zone
    registration_deadline DATE         NOT NULL,
    audience_sectors      TEXT[]       NOT NULL DEFAULT '{}',
    audience_kinds        TEXT[]       NOT NULL DEFAULT '{}',
    audience_local        BOOLEAN      NOT NULL DEFAULT FALSE,
    programming_line_ids  BIGINT[]     NOT NULL DEFAULT '{}',
    organiser             VARCHAR(200) NOT NULL,
    created_by            BIGINT       NOT NULL,
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (online_url IS NOT NULL OR commune_code IS NOT NULL)
);
CREATE INDEX meeting_event_starts_idx ON meeting_event (starts_at);

-- A registration: a supplier (by SIRET, linked to the directory when registered) or a signed-in buyer.
-- Confirmed ones hold a seat; waiting ones queue by registration time; cancelled ones stay for the record.
-- The cancellation link is signed (web.ServerKeys) with the registration id, so that any later mail can carry it.
CREATE TABLE meeting_registration (
    id                BIGSERIAL PRIMARY KEY,
    event_id          BIGINT       NOT NULL REFERENCES meeting_event (id) ON DELETE CASCADE,
    participant       VARCHAR(16)  NOT NULL,
    supplier_id       BIGINT,
    siret             VARCHAR(14),
    account_id        BIGINT,
    organisation      VARCHAR(200) NOT NULL,
    person_name       VARCHAR(200) NOT NULL,
    email             VARCHAR(254) NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    registered_at     TIMESTAMPTZ  NOT NULL,
    cancelled_at      TIMESTAMPTZ,
    reminded_at       TIMESTAMPTZ,
    attendance        VARCHAR(16),
    late_arrival      BOOLEAN      NOT NULL DEFAULT FALSE,
    CHECK (participant IN ('SUPPLIER', 'BUYER')),
    CHECK (siret IS NOT NULL OR account_id IS NOT NULL)
);
CREATE UNIQUE INDEX meeting_registration_siret_once ON meeting_registration (event_id, siret) WHERE status <> 'CANCELLED' AND siret IS NOT NULL;
CREATE UNIQUE INDEX meeting_registration_account_once ON meeting_registration (event_id, account_id) WHERE status <> 'CANCELLED' AND account_id IS NOT NULL;
CREATE INDEX meeting_registration_event_idx ON meeting_registration (event_id, status, registered_at);

-- Invitations mailed to suppliers of a segment: each structure once per event.
CREATE TABLE meeting_invitation (
    event_id    BIGINT      NOT NULL REFERENCES meeting_event (id) ON DELETE CASCADE,
    supplier_id BIGINT      NOT NULL,
    sent_at     TIMESTAMPTZ NOT NULL,
    sent_by     BIGINT      NOT NULL,
    PRIMARY KEY (event_id, supplier_id)
);
