-- The audit tables are append-only for the application (issue: audit integrity), twice over:
-- the application's role loses UPDATE, DELETE and TRUNCATE on them, and a trigger refuses those
-- statements from anyone, the tables' owner included. Rows leave only by the retention operation
-- described in docs/INTEGRITY.md, run by a privileged role. PostgreSQL only: the embedded H2 is a
-- single-user development database.

CREATE FUNCTION audit_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit table % is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Audit rows leave only by the retention operation of docs/INTEGRITY.md';
END
$$;

-- Statement triggers: they refuse the statement itself, even one that would touch no row.
CREATE TRIGGER user_state_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON user_state_audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER entity_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON entity_audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER request_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON request_audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER login_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON login_audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON user_state_audit, entity_audit, request_audit, login_audit FROM CURRENT_USER;
