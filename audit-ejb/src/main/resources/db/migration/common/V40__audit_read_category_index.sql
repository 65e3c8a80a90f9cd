-- Issue 13: "who looked at whose history" is GET /api/audit/requests?category=AUDIT_READ, newest
-- first; reads of the audit log are few among all requests, so without this index a page of them
-- would walk the whole trail backwards. (The entity as-of and history queries use
-- entity_audit_entity_idx (entity_type, entity_id, id) of V3, the user's as-of
-- user_state_audit_username_idx (username, id) of V1: no index of their own.)
CREATE INDEX request_audit_category_idx ON request_audit (category, id);
