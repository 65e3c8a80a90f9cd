-- The tree of the sealed log is append-only like the audit tables (V7): the application's role
-- loses UPDATE, DELETE and TRUNCATE, and the same trigger refuses them for anyone.
CREATE TRIGGER audit_leaf_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_node_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_node
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_leaf, audit_node, audit_checkpoint FROM CURRENT_USER;
