-- Secret keys the instances share (e.g. to sign what a page carries between two requests), made at first use.
CREATE TABLE server_key (
    name       VARCHAR(64) PRIMARY KEY,
    secret     BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
