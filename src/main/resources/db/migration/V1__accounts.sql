-- Buyers, staff and administrators sign in with a password; suppliers never have a password.
CREATE TABLE account (
    id              BIGSERIAL PRIMARY KEY,
    email           VARCHAR(254) NOT NULL,
    display_name    VARCHAR(120) NOT NULL,
    role            VARCHAR(16)  NOT NULL CHECK (role IN ('BUYER', 'STAFF', 'ADMIN')),
    direction       VARCHAR(160),
    password_hash   VARCHAR(255),
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_email_uq ON account (lower(email));

-- Single-use links (invitation to set a password). Only a SHA-256 of the token is stored.
CREATE TABLE account_token (
    id              BIGSERIAL PRIMARY KEY,
    account_id      BIGINT       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    token_hash      CHAR(64)     NOT NULL UNIQUE,
    purpose         VARCHAR(24)  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    used_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Security journal: never a password, a token or a session id.
CREATE TABLE security_event (
    id              BIGSERIAL PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    kind            VARCHAR(32)  NOT NULL,
    account_id      BIGINT       REFERENCES account (id) ON DELETE SET NULL,
    actor_id        BIGINT       REFERENCES account (id) ON DELETE SET NULL,
    ip              VARCHAR(64),
    detail          VARCHAR(500)
);
CREATE INDEX security_event_occurred_idx ON security_event (occurred_at DESC);

-- Failed sign-ins, for throttling per account, per IP and per pair (shared by all instances).
CREATE TABLE login_failure (
    id              BIGSERIAL PRIMARY KEY,
    account_key     VARCHAR(254) NOT NULL,
    ip              VARCHAR(64)  NOT NULL,
    failed_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_account_idx ON login_failure (account_key, failed_at);
CREATE INDEX login_failure_ip_idx ON login_failure (ip, failed_at);

-- HTTP sessions live here so that any instance can serve any request and a restart logs nobody out.
CREATE TABLE http_session (
    id                   VARCHAR(64)  PRIMARY KEY,
    created_at           TIMESTAMPTZ  NOT NULL,
    last_accessed_at     TIMESTAMPTZ  NOT NULL,
    max_inactive_seconds INTEGER      NOT NULL,
    attributes           TEXT         NOT NULL DEFAULT '{}'
);
CREATE INDEX http_session_last_accessed_idx ON http_session (last_accessed_at);
