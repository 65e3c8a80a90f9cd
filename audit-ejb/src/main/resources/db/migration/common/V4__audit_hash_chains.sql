-- Hash chains over the audit tables (issue: audit integrity). Each row gets its position in its
-- table's chain, the previous row's hash and its own (org.signalaudit.audit.chain). The columns
-- start nullable so that V5 can link the rows written before this version; V6 makes them required.

ALTER TABLE user_state_audit ADD COLUMN chain_seq BIGINT;
ALTER TABLE user_state_audit ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE user_state_audit ADD COLUMN row_hash VARCHAR(64);

ALTER TABLE entity_audit ADD COLUMN chain_seq BIGINT;
ALTER TABLE entity_audit ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE entity_audit ADD COLUMN row_hash VARCHAR(64);

ALTER TABLE request_audit ADD COLUMN chain_seq BIGINT;
ALTER TABLE request_audit ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE request_audit ADD COLUMN row_hash VARCHAR(64);

ALTER TABLE login_audit ADD COLUMN chain_seq BIGINT;
ALTER TABLE login_audit ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE login_audit ADD COLUMN row_hash VARCHAR(64);

-- The head of each chain: its last position and hash. A writer locks the head row, links its rows
-- after it and moves it, in the transaction that inserts the rows. Position 0 and 64 zeros stand
-- for the empty chain.
CREATE TABLE audit_chain (
    chain_name VARCHAR(32) NOT NULL PRIMARY KEY,
    last_seq   BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL
);

INSERT INTO audit_chain (chain_name, last_seq, last_hash) VALUES
    ('user_state_audit', 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    ('entity_audit', 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    ('request_audit', 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    ('login_audit', 0, '0000000000000000000000000000000000000000000000000000000000000000');
