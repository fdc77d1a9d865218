-- Speed-meetings (issue 14). A wish: a registered buyer wants to meet a registered supplier, or the other way round,
-- with a priority from 1 (most wanted) to 3. Wishes go with the registrations they name.
CREATE TABLE meeting_wish (
    event_id             BIGINT      NOT NULL REFERENCES meeting_event (id) ON DELETE CASCADE,
    from_registration_id BIGINT      NOT NULL REFERENCES meeting_registration (id) ON DELETE CASCADE,
    to_registration_id   BIGINT      NOT NULL REFERENCES meeting_registration (id) ON DELETE CASCADE,
    priority             SMALLINT    NOT NULL CHECK (priority BETWEEN 1 AND 3),
    created_at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (from_registration_id, to_registration_id),
    CHECK (from_registration_id <> to_registration_id)
);
CREATE INDEX meeting_wish_event_idx ON meeting_wish (event_id);

-- The last schedule built for an event: its settings and its quality when built (hand edits come after).
CREATE TABLE meeting_schedule (
    event_id              BIGINT      PRIMARY KEY REFERENCES meeting_event (id) ON DELETE CASCADE,
    slot_minutes          INTEGER     NOT NULL CHECK (slot_minutes > 0),
    breaks                VARCHAR(200) NOT NULL,
    built_at              TIMESTAMPTZ NOT NULL,
    wished_pairs          INTEGER     NOT NULL,
    satisfied             INTEGER     NOT NULL,
    upper_bound           INTEGER     NOT NULL,
    min_per_supplier      INTEGER     NOT NULL,
    median_per_supplier   NUMERIC(6, 1) NOT NULL
);

CREATE TABLE meeting_slot (
    event_id  BIGINT      NOT NULL REFERENCES meeting_schedule (event_id) ON DELETE CASCADE,
    number    INTEGER     NOT NULL,
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, number)
);

-- A meeting of the schedule: in one slot, a buyer's table meets a supplier. The keys forbid double booking.
-- journal_logged_at: when the meeting, held, was written to the sourcing journal (once).
CREATE TABLE meeting_appointment (
    event_id                 BIGINT  NOT NULL,
    slot_number              INTEGER NOT NULL,
    buyer_registration_id    BIGINT  NOT NULL REFERENCES meeting_registration (id) ON DELETE CASCADE,
    supplier_registration_id BIGINT  NOT NULL REFERENCES meeting_registration (id) ON DELETE CASCADE,
    journal_logged_at        TIMESTAMPTZ,
    PRIMARY KEY (event_id, slot_number, buyer_registration_id),
    UNIQUE (event_id, slot_number, supplier_registration_id),
    FOREIGN KEY (event_id, slot_number) REFERENCES meeting_slot (event_id, number) ON DELETE CASCADE
);
CREATE INDEX meeting_appointment_supplier_idx ON meeting_appointment (supplier_registration_id);
