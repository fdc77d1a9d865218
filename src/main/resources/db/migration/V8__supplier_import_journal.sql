-- One row per CSV import of suppliers by staff: when, by whom, what it did (shown on the staff home).
CREATE TABLE supplier_import (
    id          BIGSERIAL PRIMARY KEY,
    imported_at TIMESTAMPTZ  NOT NULL,
    staff_name  VARCHAR(120) NOT NULL,
    file_name   VARCHAR(255) NOT NULL,
    imported    INT          NOT NULL,
    invalid     INT          NOT NULL,
    ignored     INT          NOT NULL
);
