-- Issue 17: the sign-in delays of ADMIN and SUPERADMIN accounts, in the database so that every
-- instance sees the same delay. One row per account and client address that sent a wrong
-- password, and one per account for all addresses together (client_ip '*').

CREATE SEQUENCE sign_in_delay_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE sign_in_delay (
    id            BIGINT       NOT NULL PRIMARY KEY,
    -- How entity_audit names the row: 'alice' (every address) or 'alice@203.0.113.9'.
    subject       VARCHAR(110) NOT NULL,
    username      VARCHAR(64)  NOT NULL,
    client_ip     VARCHAR(45)  NOT NULL,
    failures      INTEGER      NOT NULL,
    delayed_until TIMESTAMP WITH TIME ZONE,
    version       BIGINT       NOT NULL,
    CONSTRAINT sign_in_delay_key UNIQUE (username, client_ip),
    CONSTRAINT sign_in_delay_subject_key UNIQUE (subject),
    CONSTRAINT sign_in_delay_failures_check CHECK (failures >= 0)
);

CREATE INDEX sign_in_delay_until_idx ON sign_in_delay (delayed_until);
