-- How often a supplier gets its programming alerts. No row: at each run of the alerts (immediately), as before.
-- A weekly supplier gets a digest when its last one is at least a week old (programming_alert_sent.sent_at).
CREATE TABLE programming_alert_frequency (
    supplier_id BIGINT      PRIMARY KEY REFERENCES supplier (id) ON DELETE CASCADE,
    frequency   VARCHAR(16) NOT NULL CHECK (frequency IN ('IMMEDIATE', 'WEEKLY')),
    chosen_at   TIMESTAMPTZ NOT NULL
);
