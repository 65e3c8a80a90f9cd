-- Retention and legal hold (issue 16, docs/INTEGRITY.md "Retention").

-- One row per dropped month of one audit table: what left, when, why and by whom, and what keeps
-- the tree verifying without those rows: their leaf range, count, and a digest of their leaf hashes
-- (SHA-256 over the concatenated leaf hashes in leaf order). The leaf and node hashes themselves stay
-- in audit_leaf and audit_node. Written by the retention function only, never changed.
CREATE TABLE audit_tombstone (
    id           BIGINT       NOT NULL PRIMARY KEY,
    table_code   VARCHAR(8)   NOT NULL,
    month_start  DATE         NOT NULL,
    first_leaf   BIGINT,
    last_leaf    BIGINT,
    row_count    BIGINT       NOT NULL,
    leaves_digest BYTEA       NOT NULL,
    dropped_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    dropped_by   VARCHAR(128) NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    CONSTRAINT audit_tombstone_table_check CHECK (table_code IN ('state', 'entity', 'request', 'login')),
    CONSTRAINT audit_tombstone_month_key UNIQUE (table_code, month_start)
);

-- Which leaves a tombstone stands for: verify tells a row dropped by retention from a deleted one by
-- this table (a leaf whose row is gone is DELETED unless it is here).
CREATE TABLE audit_tombstone_leaf (
    leaf_index   BIGINT NOT NULL PRIMARY KEY,
    tombstone_id BIGINT NOT NULL REFERENCES audit_tombstone (id)
);

CREATE SEQUENCE legal_hold_seq START WITH 1 INCREMENT BY 1;

-- A legal hold: the rows of one user and/or of a time range must not be dropped by retention while it
-- is active (released_at NULL). Placing and releasing are also audited in the request trail.
CREATE TABLE legal_hold (
    id             BIGINT       NOT NULL PRIMARY KEY,
    username       VARCHAR(128),
    held_from      TIMESTAMP WITH TIME ZONE,
    held_to        TIMESTAMP WITH TIME ZONE,
    reason         VARCHAR(500) NOT NULL,
    placed_by      VARCHAR(128) NOT NULL,
    placed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    released_by    VARCHAR(128),
    released_at    TIMESTAMP WITH TIME ZONE,
    release_reason VARCHAR(500),
    CONSTRAINT legal_hold_scope_check CHECK (username IS NOT NULL OR held_from IS NOT NULL OR held_to IS NOT NULL),
    CONSTRAINT legal_hold_range_check CHECK (held_from IS NULL OR held_to IS NULL OR held_from < held_to)
);
