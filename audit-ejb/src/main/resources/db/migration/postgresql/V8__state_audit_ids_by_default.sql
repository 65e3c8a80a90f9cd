-- user_state_audit rows are now inserted with JDBC at the end of the flush that writes the change,
-- where the chain heads are taken (docs/INTEGRITY.md, "Concurrency"), no longer persisted by
-- EclipseLink in preallocated blocks of 50: the id comes from the column's default, one by one.
ALTER SEQUENCE user_state_audit_seq INCREMENT BY 1;
ALTER TABLE user_state_audit ALTER COLUMN id SET DEFAULT nextval('user_state_audit_seq');
