-- Invitations mailed to the buyers of the directions staff chose: each buyer account once per event.
CREATE TABLE meeting_buyer_invitation (
    event_id   BIGINT       NOT NULL REFERENCES meeting_event (id) ON DELETE CASCADE,
    account_id BIGINT       NOT NULL,
    direction  VARCHAR(160) NOT NULL,
    sent_at    TIMESTAMPTZ  NOT NULL,
    sent_by    BIGINT       NOT NULL,
    PRIMARY KEY (event_id, account_id)
);
