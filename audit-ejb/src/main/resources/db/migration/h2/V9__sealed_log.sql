-- The sealed log (issue: sealed log, docs/INTEGRITY.md), H2 flavour for the embedded database:
-- H2 has no transaction ids, so its sealer seals by id under a fence (audit.seal.H2Horizon) and
-- the rows carry no written_by. Otherwise as db/migration/postgresql/V9; keep the two in step.

ALTER SEQUENCE request_audit_seq INCREMENT BY 1;
ALTER TABLE request_audit ALTER COLUMN id SET DEFAULT NEXT VALUE FOR request_audit_seq;
ALTER SEQUENCE login_audit_seq INCREMENT BY 1;
ALTER TABLE login_audit ALTER COLUMN id SET DEFAULT NEXT VALUE FOR login_audit_seq;
