-- Sourcing journal: every buyer-supplier contact, the sourcing sheets of programming lines, and the recontact
-- request reminders. Channels, outcomes and supplier families are stored as stable codes (the Java enums' names).

CREATE TABLE sourcing_entry (
    id                   BIGSERIAL PRIMARY KEY,
    account_id           BIGINT        NOT NULL REFERENCES account (id),
    direction            VARCHAR(160)  NOT NULL,
    -- a registered structure, or NULL for one outside the directory (then its name and SIRET as typed)
    supplier_id          BIGINT        REFERENCES supplier (id) ON DELETE SET NULL,
    supplier_name        VARCHAR(200)  NOT NULL,
    supplier_siret       VARCHAR(14),
    -- SIAE, STPA, ESS, COMPANY as the directory said on the day of the entry; UNREGISTERED outside the directory
    supplier_family      VARCHAR(16)   NOT NULL CHECK (supplier_family IN ('SIAE', 'STPA', 'ESS', 'COMPANY', 'UNREGISTERED')),
    contact_date         DATE          NOT NULL,
    channel              VARCHAR(24)   NOT NULL CHECK (channel IN ('MEETING', 'CALL', 'EMAIL', 'VISIT', 'QUESTIONNAIRE', 'EVENT', 'RECONTACT_REQUEST')),
    purpose              VARCHAR(300)  NOT NULL,
    programming_line_id  BIGINT        REFERENCES programming_line (id) ON DELETE SET NULL,
    programming_lot_id   BIGINT        REFERENCES programming_lot (id) ON DELETE SET NULL,
    shortlist_id         BIGINT        REFERENCES shortlist (id) ON DELETE SET NULL,
    recontact_request_id BIGINT        REFERENCES recontact_request (id) ON DELETE SET NULL,
    outcome              VARCHAR(24)   NOT NULL CHECK (outcome IN ('INFORMED', 'QUOTE_REQUESTED', 'QUOTE_RECEIVED', 'ANSWERED_TENDER', 'RETAINED', 'NOT_RETAINED')),
    notes                VARCHAR(4000) NOT NULL DEFAULT '',
    created_at           TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL
);
-- the list is read newest first, by everyone (staff), by direction or by author (buyers); indicators count by period
CREATE INDEX sourcing_entry_by_date ON sourcing_entry (contact_date DESC, id DESC);
CREATE INDEX sourcing_entry_by_direction ON sourcing_entry (lower(direction), contact_date DESC, id DESC);
CREATE INDEX sourcing_entry_by_account ON sourcing_entry (account_id, contact_date DESC, id DESC);
CREATE INDEX sourcing_entry_by_supplier ON sourcing_entry (supplier_id, contact_date DESC) WHERE supplier_id IS NOT NULL;
CREATE INDEX sourcing_entry_by_line ON sourcing_entry (programming_line_id) WHERE programming_line_id IS NOT NULL;

-- Clichy's « fiche pratique + questionnaire type »: one sheet per programming line; a completed sheet is one
-- « sourcing réalisé ».
CREATE TABLE sourcing_sheet (
    id                  BIGSERIAL PRIMARY KEY,
    programming_line_id BIGINT        NOT NULL UNIQUE REFERENCES programming_line (id) ON DELETE CASCADE,
    account_id          BIGINT        NOT NULL REFERENCES account (id),
    direction           VARCHAR(160)  NOT NULL,
    -- one question per line of text
    questions           VARCHAR(4000) NOT NULL,
    summary             VARCHAR(8000) NOT NULL DEFAULT '',
    completed_at        TIMESTAMPTZ,
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL
);
CREATE INDEX sourcing_sheet_completed ON sourcing_sheet (completed_at) WHERE completed_at IS NOT NULL;

-- One supplier's answers to a sheet, one text per question in the order of the questions.
CREATE TABLE sourcing_sheet_answer (
    id            BIGSERIAL PRIMARY KEY,
    sheet_id      BIGINT        NOT NULL REFERENCES sourcing_sheet (id) ON DELETE CASCADE,
    supplier_id   BIGINT        REFERENCES supplier (id) ON DELETE SET NULL,
    supplier_name VARCHAR(200)  NOT NULL,
    answers       TEXT[]        NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX sourcing_sheet_answer_by_sheet ON sourcing_sheet_answer (sheet_id, id);

-- A recontact request overdue and assigned is reminded to its assignee once.
ALTER TABLE recontact_request ADD COLUMN reminded_at TIMESTAMPTZ;
CREATE INDEX recontact_request_by_assignee ON recontact_request (assigned_to, created_at) WHERE assigned_to IS NOT NULL;
