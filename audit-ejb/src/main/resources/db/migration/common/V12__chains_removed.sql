-- The hash chains are gone (issue: sealed log): V11 carried their rows into the tree in chain
-- order; what proves the rows now is the tree and its signed checkpoints (docs/INTEGRITY.md).
DROP INDEX user_state_audit_chain_idx;
DROP INDEX user_state_audit_replay_idx;
DROP INDEX entity_audit_chain_idx;
DROP INDEX request_audit_chain_idx;
DROP INDEX login_audit_chain_idx;

ALTER TABLE user_state_audit DROP COLUMN chain_seq;
ALTER TABLE user_state_audit DROP COLUMN prev_hash;
ALTER TABLE user_state_audit DROP COLUMN row_hash;
ALTER TABLE entity_audit DROP COLUMN chain_seq;
ALTER TABLE entity_audit DROP COLUMN prev_hash;
ALTER TABLE entity_audit DROP COLUMN row_hash;
ALTER TABLE request_audit DROP COLUMN chain_seq;
ALTER TABLE request_audit DROP COLUMN prev_hash;
ALTER TABLE request_audit DROP COLUMN row_hash;
ALTER TABLE login_audit DROP COLUMN chain_seq;
ALTER TABLE login_audit DROP COLUMN prev_hash;
ALTER TABLE login_audit DROP COLUMN row_hash;

DROP TABLE audit_chain;
