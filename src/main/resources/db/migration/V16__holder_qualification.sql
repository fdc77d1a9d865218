-- Holders outside the directory that staff qualified by hand (« qualifié à la main »): kind, size, ESS and « on our
-- territory » as staff found them. They are frozen into the purchases that name the holder, those already saved and
-- those imported later, with matched_by = 'MANUAL', and the holder leaves the staff's to-do list.
CREATE TABLE holder_qualification (
    identifier    VARCHAR(40)  PRIMARY KEY,
    name          VARCHAR(300) NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    family        VARCHAR(10)  NOT NULL,
    size          VARCHAR(4)   NOT NULL CHECK (size IN ('TPE', 'PME', 'ETI', 'GE')),
    ess           BOOLEAN      NOT NULL,
    on_territory  BOOLEAN      NOT NULL,
    qualified_by  BIGINT       NOT NULL,
    qualified_at  TIMESTAMPTZ  NOT NULL
);

ALTER TABLE purchase_party DROP CONSTRAINT purchase_party_matched_by_check;
ALTER TABLE purchase_party ADD CONSTRAINT purchase_party_matched_by_check CHECK (matched_by IN ('SIRET', 'SIREN', 'MANUAL', 'NONE'));
