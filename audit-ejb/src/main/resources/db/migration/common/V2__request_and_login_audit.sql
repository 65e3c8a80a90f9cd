-- The request trail and the login audit (issue: request context and trail).

CREATE SEQUENCE request_audit_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE request_audit (
    id           BIGINT        NOT NULL PRIMARY KEY,
    request_id   VARCHAR(64)   NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms  BIGINT        NOT NULL,
    method       VARCHAR(16)   NOT NULL,
    path         VARCHAR(2048) NOT NULL,
    route        VARCHAR(512),
    status       INTEGER       NOT NULL,
    actor        VARCHAR(128),
    client_ip    VARCHAR(45),
    peer_ip      VARCHAR(45),
    user_agent   VARCHAR(512),
    resource     VARCHAR(512),
    model        VARCHAR(128),
    category     VARCHAR(32),
    summary      VARCHAR(2100) NOT NULL,
    error_class  VARCHAR(512),
    error_detail VARCHAR(8000),
    origin       VARCHAR(16)   NOT NULL,
    CONSTRAINT request_audit_origin_check CHECK (origin IN ('HTTP_API', 'ADMIN_UI', 'SYSTEM'))
);

-- The filters of GET /api/audit/requests, each with the id for keyset pages (newest first).
CREATE INDEX request_audit_request_idx ON request_audit (request_id);
CREATE INDEX request_audit_actor_idx ON request_audit (actor, id);
CREATE INDEX request_audit_status_idx ON request_audit (status, id);
CREATE INDEX request_audit_occurred_idx ON request_audit (occurred_at);

CREATE SEQUENCE login_audit_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE login_audit (
    id          BIGINT       NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    event       VARCHAR(16)  NOT NULL,
    username    VARCHAR(128),
    reason      VARCHAR(32),
    client_ip   VARCHAR(45),
    user_agent  VARCHAR(512),
    request_id  VARCHAR(64),
    CONSTRAINT login_audit_event_check CHECK (event IN ('LOGGED_IN', 'LOGGED_OUT', 'LOGIN_FAILED'))
);

CREATE INDEX login_audit_username_idx ON login_audit (username, id);
CREATE INDEX login_audit_request_idx ON login_audit (request_id);
CREATE INDEX login_audit_occurred_idx ON login_audit (occurred_at);
