-- The sealed log (issue: sealed log, docs/INTEGRITY.md). Writers no longer take any shared lock:
-- each audit row records the transaction that wrote it, and a sealer appends committed rows to
-- one Merkle tree (RFC 9162) and signs checkpoints. V10 carries the chained rows into the tree,
-- V11 removes the chains.

-- Every audit row is inserted with JDBC now (audit.control.AuditWriter): ids come from the
-- columns' defaults, one by one. Ids handed out in blocks of 50 so far are all below the
-- sequences' current values.
ALTER SEQUENCE request_audit_seq INCREMENT BY 1;
ALTER TABLE request_audit ALTER COLUMN id SET DEFAULT nextval('request_audit_seq');
ALTER SEQUENCE login_audit_seq INCREMENT BY 1;
ALTER TABLE login_audit ALTER COLUMN id SET DEFAULT nextval('login_audit_seq');

-- The writing transaction (pg_current_xact_id(), a column default that costs nothing). NULL on
-- rows written before this version (V10 puts them in the tree). The default is set after the
-- column is added: a volatile default in ADD COLUMN would fill the old rows with this
-- migration's own transaction id.
ALTER TABLE user_state_audit ADD COLUMN written_by xid8;
ALTER TABLE user_state_audit ALTER COLUMN written_by SET DEFAULT pg_current_xact_id();
ALTER TABLE entity_audit ADD COLUMN written_by xid8;
ALTER TABLE entity_audit ALTER COLUMN written_by SET DEFAULT pg_current_xact_id();
ALTER TABLE request_audit ADD COLUMN written_by xid8;
ALTER TABLE request_audit ALTER COLUMN written_by SET DEFAULT pg_current_xact_id();
ALTER TABLE login_audit ADD COLUMN written_by xid8;
ALTER TABLE login_audit ALTER COLUMN written_by SET DEFAULT pg_current_xact_id();

-- The sealer reads each table in (transaction, id) order after its last sealed row.
CREATE INDEX user_state_audit_seal_idx ON user_state_audit (written_by, id);
CREATE INDEX entity_audit_seal_idx ON entity_audit (written_by, id);
CREATE INDEX request_audit_seal_idx ON request_audit (written_by, id);
CREATE INDEX login_audit_seal_idx ON login_audit (written_by, id);
