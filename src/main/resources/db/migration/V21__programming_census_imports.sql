-- The yearly census import runs in the background: one row per confirmed import with its progress, and the report of
-- every row of the file as batches are decided, so that any instance can show the progress page and the report.
CREATE TABLE programming_census_import (
    id              BIGSERIAL PRIMARY KEY,
    started_by      BIGINT,
    started_by_name VARCHAR(200) NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL,
    -- moved at every batch: a running import that has not moved for long was cut short (instance stopped)
    updated_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ,
    state           VARCHAR(12)  NOT NULL,
    total_rows      INT          NOT NULL DEFAULT 0,
    done_rows       INT          NOT NULL DEFAULT 0,
    failure         TEXT
);

CREATE TABLE programming_census_import_row (
    import_id BIGINT      NOT NULL REFERENCES programming_census_import (id) ON DELETE CASCADE,
    line      INT         NOT NULL,
    reference TEXT        NOT NULL,
    lot       INT,
    head      BOOLEAN     NOT NULL,
    outcome   VARCHAR(12) NOT NULL,
    problems  TEXT[]      NOT NULL DEFAULT '{}',
    PRIMARY KEY (import_id, line)
);
