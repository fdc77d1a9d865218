-- Browsers that signed in to an account before (OWASP "device cookies"): an attacker guessing passwords from many
-- addresses locks out unknown browsers only, never the owner's own.
CREATE TABLE login_device (
    token_hash  CHAR(64)     PRIMARY KEY,
    account_key VARCHAR(254) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX login_device_account_idx ON login_device (account_key);

-- Failures from a trusted browser are counted for that browser alone.
ALTER TABLE login_failure ADD COLUMN device_hash CHAR(64);
CREATE INDEX login_failure_device_idx ON login_failure (device_hash, failed_at) WHERE device_hash IS NOT NULL;
