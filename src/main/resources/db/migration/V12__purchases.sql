-- Purchase records: what was actually notified, the records the SPASER indicators are computed from.
-- Vocabulary of DECP 2.0 (nature, procedure, price form, considerations) stored as enum names of fr.vivier.purchases.

CREATE TABLE purchase (
    id                          BIGSERIAL PRIMARY KEY,
    -- re-importing the same record finds it again by (buyer id, contract id): DECP acheteur.id + id, or the
    -- spreadsheet's columns; a manual entry gets the authority's key '' and a generated reference
    buyer_key                   VARCHAR(20)   NOT NULL DEFAULT '',
    reference                   VARCHAR(40)   NOT NULL,
    source                      VARCHAR(12)   NOT NULL CHECK (source IN ('MANUAL', 'SHORTLIST', 'SPREADSHEET', 'DECP')),
    object                      VARCHAR(1000) NOT NULL,
    direction                   VARCHAR(160)  NOT NULL DEFAULT '',
    category                    VARCHAR(10)   CHECK (category IN ('WORKS', 'SUPPLIES', 'SERVICES')),
    nature                      VARCHAR(24)   NOT NULL,
    procedure                   VARCHAR(24)   NOT NULL,
    price_form                  VARCHAR(12)   CHECK (price_form IN ('UNIT', 'LUMP_SUM', 'MIXED')),
    -- exact € HT as of the latest modification; the initial figures stay for the record
    amount                      NUMERIC(17,2) NOT NULL CHECK (amount > 0),
    initial_amount              NUMERIC(17,2) NOT NULL CHECK (initial_amount > 0),
    notified_on                 DATE          NOT NULL,
    duration_months             INT           CHECK (duration_months > 0),
    initial_duration_months     INT           CHECK (initial_duration_months > 0),
    cpv                         VARCHAR(10),
    place_code                  VARCHAR(10),
    place_type                  VARCHAR(24),
    group_kind                  VARCHAR(12)   NOT NULL DEFAULT 'NONE' CHECK (group_kind IN ('NONE', 'JOINT', 'JOINT_SEVERAL')),
    subcontracting_declared     BOOLEAN       NOT NULL DEFAULT FALSE,
    social_considerations       TEXT[]        NOT NULL DEFAULT '{}',
    reservation                 VARCHAR(8)    NOT NULL DEFAULT 'NONE' CHECK (reservation IN ('NONE', 'SIAE', 'STPA', 'ESS')),
    environmental_considerations TEXT[]       NOT NULL DEFAULT '{}',
    environmental_themes        TEXT[]        NOT NULL DEFAULT '{}',
    variants                    BOOLEAN       NOT NULL DEFAULT FALSE,
    functional_specification    BOOLEAN       NOT NULL DEFAULT FALSE,
    advance                     BOOLEAN       NOT NULL DEFAULT FALSE,
    advance_rate                NUMERIC(5,4)  CHECK (advance_rate BETWEEN 0 AND 1),
    innovative                  BOOLEAN       NOT NULL DEFAULT FALSE,
    label_required              BOOLEAN       NOT NULL DEFAULT FALSE,
    lifecycle_cost_criterion    BOOLEAN       NOT NULL DEFAULT FALSE,
    reparability_criterion      BOOLEAN       NOT NULL DEFAULT FALSE,
    equality_criterion          BOOLEAN       NOT NULL DEFAULT FALSE,
    equality_plan               BOOLEAN       NOT NULL DEFAULT FALSE,
    citizen_participation       BOOLEAN       NOT NULL DEFAULT FALSE,
    group_purchase              BOOLEAN       NOT NULL DEFAULT FALSE,
    -- AGEC: share of supplies from reuse, reuse preparation or recycled material (0 to 1), supplies only
    reuse_share                 NUMERIC(5,4)  CHECK (reuse_share BETWEEN 0 AND 1),
    insertion_hours_planned     INT           CHECK (insertion_hours_planned >= 0),
    insertion_hours_achieved    INT           CHECK (insertion_hours_achieved >= 0),
    positive_exits              INT           CHECK (positive_exits >= 0),
    offers_received             INT           CHECK (offers_received >= 0),
    -- links to other features, by id, without foreign keys (features own their tables); sourcing entries come later
    programming_line_id         BIGINT,
    shortlist_id                BIGINT,
    sourcing_entry_ids          BIGINT[],
    -- the canonical form of what was imported or typed: equal means « inchangé » on re-import
    content_hash                VARCHAR(64)   NOT NULL,
    created_by                  BIGINT,
    created_at                  TIMESTAMPTZ   NOT NULL,
    updated_at                  TIMESTAMPTZ   NOT NULL,
    CONSTRAINT purchase_key UNIQUE (buyer_key, reference)
);
CREATE INDEX purchase_notified ON purchase (notified_on, id);
CREATE INDEX purchase_direction ON purchase (lower(direction), notified_on);

-- Holders and subcontractors, with the supplier's attributes frozen at the notification date: a later change of
-- a profile never rewrites a past indicator. NULL attributes mean « non renseigné » (holder not in the directory).
CREATE TABLE purchase_party (
    purchase_id      BIGINT        NOT NULL REFERENCES purchase (id) ON DELETE CASCADE,
    role             VARCHAR(14)   NOT NULL CHECK (role IN ('HOLDER', 'SUBCONTRACTOR')),
    position         INT           NOT NULL,
    identifier       VARCHAR(40)   NOT NULL,
    identifier_type  VARCHAR(8)    NOT NULL CHECK (identifier_type IN ('SIRET', 'TVA', 'TAHITI', 'RIDET', 'FRWF', 'IREP', 'HORS-UE')),
    siren            CHAR(9),
    matched_by       VARCHAR(6)    NOT NULL CHECK (matched_by IN ('SIRET', 'SIREN', 'NONE')),
    supplier_id      BIGINT,
    name             VARCHAR(300),
    kind             VARCHAR(16),
    family           VARCHAR(10),
    size             VARCHAR(4),
    ess              BOOLEAN,
    on_territory     BOOLEAN,
    subcontract_amount NUMERIC(17,2),
    frozen_on        DATE          NOT NULL,
    PRIMARY KEY (purchase_id, role, position)
);
CREATE INDEX purchase_party_unmatched ON purchase_party (identifier) WHERE matched_by = 'NONE';
CREATE INDEX purchase_party_supplier ON purchase_party (supplier_id) WHERE supplier_id IS NOT NULL;

-- The modifications of a contract (DECP modifications[]), each as of its date.
CREATE TABLE purchase_modification (
    purchase_id      BIGINT        NOT NULL REFERENCES purchase (id) ON DELETE CASCADE,
    number           INT           NOT NULL,
    notified_on      DATE          NOT NULL,
    amount           NUMERIC(17,2),
    duration_months  INT,
    holders          TEXT[]        NOT NULL DEFAULT '{}',
    PRIMARY KEY (purchase_id, number)
);
