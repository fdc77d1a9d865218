-- Procurement programming: the year's planned purchases, their status history, publication, suppliers' interest.

CREATE TABLE programming_line (
    id                      BIGSERIAL PRIMARY KEY,
    year                    INT           NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    reference               VARCHAR(40)   NOT NULL,
    object                  VARCHAR(300)  NOT NULL,
    description             VARCHAR(5000) NOT NULL DEFAULT '',
    direction               VARCHAR(160)  NOT NULL,
    sectors                 TEXT[]        NOT NULL DEFAULT '{}',
    cpv_codes               TEXT[]        NOT NULL DEFAULT '{}',
    estimated_amount        NUMERIC(14,2) NOT NULL CHECK (estimated_amount >= 0),
    expected_quarter        SMALLINT      NOT NULL CHECK (expected_quarter BETWEEN 1 AND 4),
    expected_month          SMALLINT      CHECK (expected_month BETWEEN 1 AND 12),
    procedure               VARCHAR(24)   NOT NULL,
    nature                  VARCHAR(24)   NOT NULL,
    places                  TEXT[]        NOT NULL DEFAULT '{}',
    -- every commune, EPCI/EPT and département code the places of execution touch (C:, E:, D: prefixes): the
    -- public filter « lieu d'exécution » asks whether one code is among them
    area_codes              TEXT[]        NOT NULL DEFAULT '{}',
    social_clause           BOOLEAN       NOT NULL DEFAULT FALSE,
    social_criterion        BOOLEAN       NOT NULL DEFAULT FALSE,
    reservation             VARCHAR(8)    NOT NULL DEFAULT 'NONE' CHECK (reservation IN ('NONE', 'SIAE', 'STPA', 'ESS')),
    environmental_clause    BOOLEAN       NOT NULL DEFAULT FALSE,
    environmental_criterion BOOLEAN       NOT NULL DEFAULT FALSE,
    environmental_themes    VARCHAR(300)  NOT NULL DEFAULT '',
    variants                BOOLEAN       NOT NULL DEFAULT FALSE,
    innovative              BOOLEAN       NOT NULL DEFAULT FALSE,
    contact                 VARCHAR(200)  NOT NULL DEFAULT '',
    status                  VARCHAR(16)   NOT NULL CHECK (status IN ('PLANNED', 'SOURCING', 'LAUNCHED', 'AWARDED', 'ABANDONED')),
    consultation_url        VARCHAR(500),
    published               BOOLEAN       NOT NULL DEFAULT FALSE,
    published_at            TIMESTAMPTZ,
    -- the French analysis of object, description and lots (search.FrenchAnalyzer), for the free-text filter
    search_terms            TEXT[]        NOT NULL DEFAULT '{}',
    created_at              TIMESTAMPTZ   NOT NULL,
    updated_at              TIMESTAMPTZ   NOT NULL,
    CONSTRAINT programming_line_reference_per_year UNIQUE (year, reference)
);
CREATE INDEX programming_line_published ON programming_line (year, expected_quarter, reference) WHERE published;
CREATE INDEX programming_line_direction ON programming_line (lower(direction), year);
CREATE INDEX programming_line_terms ON programming_line USING gin (search_terms);
CREATE INDEX programming_line_areas ON programming_line USING gin (area_codes);

CREATE TABLE programming_lot (
    id               BIGSERIAL PRIMARY KEY,
    line_id          BIGINT        NOT NULL REFERENCES programming_line (id) ON DELETE CASCADE,
    number           INT           NOT NULL,
    object           VARCHAR(300)  NOT NULL,
    sectors          TEXT[]        NOT NULL DEFAULT '{}',
    estimated_amount NUMERIC(14,2) CHECK (estimated_amount >= 0),
    UNIQUE (line_id, number)
);

-- Every status change with who and when; the indicator « programmé vs lancé » is computed from it.
CREATE TABLE programming_status_change (
    id          BIGSERIAL PRIMARY KEY,
    line_id     BIGINT       NOT NULL REFERENCES programming_line (id) ON DELETE CASCADE,
    from_status VARCHAR(16),
    to_status   VARCHAR(16)  NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL,
    account_id  BIGINT       REFERENCES account (id) ON DELETE SET NULL,
    actor       VARCHAR(160) NOT NULL
);
CREATE INDEX programming_status_change_line ON programming_status_change (line_id, changed_at);
CREATE INDEX programming_status_change_to ON programming_status_change (to_status, line_id);

-- « Ça me concerne »: one active interest per supplier and line (lot_id NULL) or lot.
CREATE TABLE programming_interest (
    id           BIGSERIAL PRIMARY KEY,
    line_id      BIGINT        NOT NULL REFERENCES programming_line (id) ON DELETE CASCADE,
    lot_id       BIGINT        REFERENCES programming_lot (id) ON DELETE CASCADE,
    supplier_id  BIGINT        NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
    role         VARCHAR(16)   NOT NULL CHECK (role IN ('HOLDER', 'COCONTRACTOR', 'SUBCONTRACTOR')),
    message      VARCHAR(2000) NOT NULL DEFAULT '',
    visible      BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMPTZ   NOT NULL,
    withdrawn_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX programming_interest_once ON programming_interest (line_id, COALESCE(lot_id, 0), supplier_id)
    WHERE withdrawn_at IS NULL;
CREATE INDEX programming_interest_supplier ON programming_interest (supplier_id);

-- Alerts: a line is mailed at most once to a supplier; an unsubscribed supplier gets no more digest.
CREATE TABLE programming_alert_sent (
    line_id     BIGINT      NOT NULL REFERENCES programming_line (id) ON DELETE CASCADE,
    supplier_id BIGINT      NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
    sent_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (supplier_id, line_id)
);

CREATE TABLE programming_alert_unsubscribed (
    supplier_id     BIGINT      PRIMARY KEY REFERENCES supplier (id) ON DELETE CASCADE,
    unsubscribed_at TIMESTAMPTZ NOT NULL
);
