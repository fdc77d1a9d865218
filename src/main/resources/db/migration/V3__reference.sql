-- Reference data, loaded from src/main/resources/reference/*.csv by ReferenceDataLoader
-- whenever the files change (their checksum is kept in reference_version).
CREATE TABLE reference_version (
    dataset     VARCHAR(32) PRIMARY KEY,
    checksum    CHAR(64)    NOT NULL,
    loaded_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE region (
    code  VARCHAR(3) PRIMARY KEY,
    name  VARCHAR(80) NOT NULL
);

CREATE TABLE departement (
    code        VARCHAR(3) PRIMARY KEY,
    name        VARCHAR(80) NOT NULL,
    region_code VARCHAR(3) NOT NULL REFERENCES region (code)
);

-- EPCI à fiscalité propre and the établissements publics territoriaux (kind EPT) of the Grand Paris.
CREATE TABLE epci (
    code  VARCHAR(9) PRIMARY KEY,
    name  VARCHAR(160) NOT NULL,
    kind  VARCHAR(8) NOT NULL
);

CREATE TABLE commune (
    code             VARCHAR(5) PRIMARY KEY,
    name             VARCHAR(120) NOT NULL,
    departement_code VARCHAR(3) NOT NULL REFERENCES departement (code),
    region_code      VARCHAR(3) NOT NULL REFERENCES region (code),
    epci_code        VARCHAR(9) REFERENCES epci (code),
    ept_code         VARCHAR(9) REFERENCES epci (code),
    population       INTEGER NOT NULL DEFAULT 0,
    postcodes        VARCHAR(200) NOT NULL DEFAULT ''
);
CREATE INDEX commune_epci_idx ON commune (epci_code);
CREATE INDEX commune_ept_idx ON commune (ept_code);
CREATE INDEX commune_departement_idx ON commune (departement_code);
CREATE INDEX commune_name_idx ON commune (lower(name) text_pattern_ops);

CREATE TABLE naf (
    code        VARCHAR(8) PRIMARY KEY,
    label       VARCHAR(300) NOT NULL,
    level       VARCHAR(12) NOT NULL,
    parent_code VARCHAR(8)
);

CREATE TABLE sector_group (
    code     VARCHAR(64) PRIMARY KEY,
    label    VARCHAR(160) NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE sector (
    code          VARCHAR(80) PRIMARY KEY,
    label         VARCHAR(160) NOT NULL,
    group_code    VARCHAR(64) NOT NULL REFERENCES sector_group (code),
    naf_prefixes  VARCHAR(400) NOT NULL DEFAULT '',
    cpv_prefixes  VARCHAR(400) NOT NULL DEFAULT '',
    position      INTEGER NOT NULL
);

CREATE TABLE label (
    code        VARCHAR(64) PRIMARY KEY,
    label       VARCHAR(160) NOT NULL,
    description VARCHAR(600) NOT NULL,
    category    VARCHAR(16) NOT NULL,
    can_expire  BOOLEAN NOT NULL,
    position    INTEGER NOT NULL
);
