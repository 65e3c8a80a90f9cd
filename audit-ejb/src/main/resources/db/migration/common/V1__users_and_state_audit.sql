-- Users and the audit of their state changes (issue: foundation).
-- Portable SQL: runs on PostgreSQL and on the embedded H2 alike.

CREATE SEQUENCE user_account_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE user_account (
    id                    BIGINT       NOT NULL PRIMARY KEY,
    username              VARCHAR(64)  NOT NULL,
    email                 VARCHAR(254) NOT NULL,
    role                  VARCHAR(16)  NOT NULL,
    state                 VARCHAR(16)  NOT NULL,
    version               BIGINT       NOT NULL,
    password_hash         VARCHAR(255),
    invitation_token_hash VARCHAR(128),
    failed_logins         INTEGER      DEFAULT 0 NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT user_account_username_key UNIQUE (username),
    CONSTRAINT user_account_role_check CHECK (role IN ('USER', 'ADMIN', 'SUPERADMIN')),
    CONSTRAINT user_account_state_check CHECK (state IN ('INVITED', 'ACTIVE', 'LOCKED', 'DEACTIVATED'))
);

CREATE INDEX user_account_state_idx ON user_account (state, username);

-- Ids are handed out in blocks of 50 (JPA allocationSize), so inserts need no round trip each;
-- EclipseLink requires the first value to be at least the block size.
CREATE SEQUENCE user_state_audit_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE user_state_audit (
    id           BIGINT       NOT NULL PRIMARY KEY,
    username     VARCHAR(64)  NOT NULL,
    initiated_by VARCHAR(128) NOT NULL,
    start_state  VARCHAR(16),
    end_state    VARCHAR(16)  NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ip_address   VARCHAR(45),
    origin       VARCHAR(16)  NOT NULL,
    event        VARCHAR(16)  NOT NULL,
    reason       VARCHAR(500),
    request_id   VARCHAR(64),
    CONSTRAINT user_state_audit_initiator_check CHECK (initiated_by <> ''),
    CONSTRAINT user_state_audit_origin_check CHECK (origin IN ('HTTP_API', 'ADMIN_UI', 'SYSTEM')),
    CONSTRAINT user_state_audit_event_check
        CHECK (event IN ('INVITE', 'ACTIVATE', 'LOCK', 'UNLOCK', 'DEACTIVATE', 'REACTIVATE', 'OVERRIDE')),
    CONSTRAINT user_state_audit_creation_check CHECK ((start_state IS NULL) = (event = 'INVITE'))
);

-- The filters of GET /api/audit/state-changes, each with the id for keyset pages (newest first).
CREATE INDEX user_state_audit_username_idx ON user_state_audit (username, id);
CREATE INDEX user_state_audit_initiator_idx ON user_state_audit (initiated_by, id);
CREATE INDEX user_state_audit_request_idx ON user_state_audit (request_id);
CREATE INDEX user_state_audit_occurred_idx ON user_state_audit (occurred_at);
