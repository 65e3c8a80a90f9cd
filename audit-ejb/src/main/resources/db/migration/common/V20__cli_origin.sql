-- Issue 17: changes made by the operator's command line (audit-cli) carry the origin CLI.
-- Widening a CHECK reads the rows but changes none: the append-only triggers are not involved.

ALTER TABLE user_state_audit DROP CONSTRAINT user_state_audit_origin_check;
ALTER TABLE user_state_audit ADD CONSTRAINT user_state_audit_origin_check
    CHECK (origin IN ('HTTP_API', 'ADMIN_UI', 'CLI', 'SYSTEM'));

ALTER TABLE entity_audit DROP CONSTRAINT entity_audit_origin_check;
ALTER TABLE entity_audit ADD CONSTRAINT entity_audit_origin_check
    CHECK (origin IN ('HTTP_API', 'ADMIN_UI', 'CLI', 'SYSTEM'));

ALTER TABLE request_audit DROP CONSTRAINT request_audit_origin_check;
ALTER TABLE request_audit ADD CONSTRAINT request_audit_origin_check
    CHECK (origin IN ('HTTP_API', 'ADMIN_UI', 'CLI', 'SYSTEM'));
