-- SPASER indicators: which catalogue indicators the authority follows and publishes, their baseline year, and a
-- target per year. The catalogue itself ships as a resource file (indicators/catalogue.csv); figures are computed
-- live from the other features' records, never stored here.

CREATE TABLE indicator_setting (
    code          VARCHAR(40)  PRIMARY KEY,
    followed      BOOLEAN      NOT NULL DEFAULT FALSE,
    published     BOOLEAN      NOT NULL DEFAULT FALSE,
    baseline_year INT          CHECK (baseline_year BETWEEN 2000 AND 2100),
    updated_at    TIMESTAMPTZ  NOT NULL,
    updated_by    VARCHAR(160) NOT NULL
);

CREATE TABLE indicator_target (
    code       VARCHAR(40)   NOT NULL,
    year       INT           NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    -- a percentage (0-100), a count or an amount in euros HT
    kind       VARCHAR(8)    NOT NULL CHECK (kind IN ('PERCENT', 'COUNT', 'AMOUNT')),
    -- measured in number of contracts (or records) or in euros HT: the seeds ask for both
    measure    VARCHAR(10)   NOT NULL CHECK (measure IN ('CONTRACTS', 'AMOUNT_HT')),
    value      NUMERIC(16,2) NOT NULL CHECK (value >= 0),
    updated_at TIMESTAMPTZ   NOT NULL,
    updated_by VARCHAR(160)  NOT NULL,
    PRIMARY KEY (code, year)
);
