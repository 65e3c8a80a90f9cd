-- Every audit row is linked from now on (V5 linked the older ones): the chain columns are required,
-- a position is taken once, and the walks of the verify and the replay follow the indexes.

ALTER TABLE user_state_audit ALTER COLUMN chain_seq SET NOT NULL;
ALTER TABLE user_state_audit ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE user_state_audit ALTER COLUMN row_hash SET NOT NULL;
CREATE UNIQUE INDEX user_state_audit_chain_idx ON user_state_audit (chain_seq);
-- The replay check reads each user's rows in chain order.
CREATE INDEX user_state_audit_replay_idx ON user_state_audit (username, chain_seq);

ALTER TABLE entity_audit ALTER COLUMN chain_seq SET NOT NULL;
ALTER TABLE entity_audit ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE entity_audit ALTER COLUMN row_hash SET NOT NULL;
CREATE UNIQUE INDEX entity_audit_chain_idx ON entity_audit (chain_seq);

ALTER TABLE request_audit ALTER COLUMN chain_seq SET NOT NULL;
ALTER TABLE request_audit ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE request_audit ALTER COLUMN row_hash SET NOT NULL;
CREATE UNIQUE INDEX request_audit_chain_idx ON request_audit (chain_seq);

ALTER TABLE login_audit ALTER COLUMN chain_seq SET NOT NULL;
ALTER TABLE login_audit ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE login_audit ALTER COLUMN row_hash SET NOT NULL;
CREATE UNIQUE INDEX login_audit_chain_idx ON login_audit (chain_seq);
