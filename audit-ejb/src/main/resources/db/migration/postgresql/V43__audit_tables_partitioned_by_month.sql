-- The four audit tables partitioned by month on occurred_at (issue 16, docs/INTEGRITY.md
-- "Retention"), so that retention drops a month in O(1) instead of deleting row by row.
--
-- Every table is rebuilt: renamed, re-created as a partitioned table of the same columns, defaults
-- and checks, its rows copied, the old table dropped, its indexes re-created on the parent (they
-- then exist on every partition, present and future). The primary key becomes (id, occurred_at):
-- PostgreSQL requires the partition key in it; a lookup by id still uses it (its first column).
-- Months are UTC months. Partitions: every month the rows hold, the current one and the next
-- three; the retention timer creates the months ahead from then on (audit_month_partition), and a
-- DEFAULT partition takes any row outside them, so an audit write is never refused for want of a
-- partition. The DEFAULT partition is never dropped by retention.
--
-- Ownership: if the role audit_retention exists and the migrating role is a member of it (made by
-- .ci/run, or by the operator, see docs/INTEGRITY.md), the tables and partitions are handed to it
-- and the application's role keeps SELECT and INSERT only: it can neither drop a partition nor
-- create one except through the two SECURITY DEFINER functions below. Without that role everything
-- stays owned by the application's role (one WARNING), which then could drop partitions itself.

-- The sealer reads its place in the sealed order (transaction, table, id) from the last sealed row;
-- should retention drop that row, its tombstone keeps the row's transaction id in its stead.
ALTER TABLE audit_tombstone_leaf ADD COLUMN written_by xid8;

CREATE FUNCTION audit_month_partition(parent TEXT, month DATE) RETURNS TEXT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    first_day DATE := date_trunc('month', month)::date;
    part_name TEXT := parent || '_p' || to_char(date_trunc('month', month), 'YYYYMM');
BEGIN
    IF parent NOT IN ('user_state_audit', 'entity_audit', 'request_audit', 'login_audit') THEN
        RAISE EXCEPTION '% is not an audit table', parent;
    END IF;
    IF to_regclass(part_name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part_name, parent,
                       first_day::timestamp AT TIME ZONE 'UTC', (first_day + INTERVAL '1 month')::timestamp AT TIME ZONE 'UTC');
        -- Statement triggers of the parent do not fire for statements on a partition: each gets its own.
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()', part_name || '_append_only', part_name);
    END IF;
    RETURN part_name;
END
$$;

DO $$
DECLARE
    audit_table TEXT;
    index_defs TEXT[];
    index_def TEXT;
    first_month DATE;
    month DATE;
BEGIN
    FOREACH audit_table IN ARRAY ARRAY['user_state_audit', 'entity_audit', 'request_audit', 'login_audit'] LOOP
        SELECT coalesce(array_agg(indexdef), ARRAY[]::TEXT[]) INTO index_defs FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename = audit_table AND indexname <> audit_table || '_pkey';
        EXECUTE format('ALTER TABLE %I RENAME TO %I', audit_table, audit_table || '_unpartitioned');
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (occurred_at)',
                       audit_table, audit_table || '_unpartitioned');
        EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', audit_table || '_default', audit_table);
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()',
                       audit_table || '_default_append_only', audit_table || '_default');
        EXECUTE format('SELECT date_trunc(''month'', min(occurred_at) AT TIME ZONE ''UTC'')::date FROM %I',
                       audit_table || '_unpartitioned') INTO first_month;
        month := least(coalesce(first_month, current_date), date_trunc('month', now() AT TIME ZONE 'UTC')::date);
        WHILE month <= (date_trunc('month', now() AT TIME ZONE 'UTC') + INTERVAL '3 months')::date LOOP
            PERFORM audit_month_partition(audit_table, month);
            month := (month + INTERVAL '1 month')::date;
        END LOOP;
        EXECUTE format('INSERT INTO %I SELECT * FROM %I', audit_table, audit_table || '_unpartitioned');
        EXECUTE format('DROP TABLE %I', audit_table || '_unpartitioned');
        EXECUTE format('ALTER TABLE %I ADD PRIMARY KEY (id, occurred_at)', audit_table);
        FOREACH index_def IN ARRAY index_defs LOOP
            EXECUTE index_def;
        END LOOP;
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()', audit_table || '_append_only', audit_table);
    END LOOP;
END
$$;

-- entity_audit's id was an identity column, which a partitioned table cannot have before
-- PostgreSQL 17: a sequence of its own, like the three others, continues it.
CREATE SEQUENCE entity_audit_seq;
SELECT setval('entity_audit_seq', coalesce((SELECT max(id) FROM entity_audit), 0) + 1, false);
ALTER TABLE entity_audit ALTER COLUMN id SET DEFAULT nextval('entity_audit_seq');

-- Retention's one privileged act: tombstone a month of one audit table, then detach and drop its
-- partition, in the caller's transaction. Refuses a month that holds a row the sealer has not
-- sealed. Returns the tombstone's id. The caller (audit.retention) decides which months and checks
-- the legal holds; this function only makes sure the tombstone exists before the rows leave.
CREATE FUNCTION audit_retire_month(parent TEXT, table_code TEXT, month DATE, retired_by TEXT, why TEXT)
    RETURNS BIGINT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    part_name TEXT := parent || '_p' || to_char(date_trunc('month', month), 'YYYYMM');
    tombstone BIGINT;
    unsealed BIGINT;
    total BIGINT;
BEGIN
    IF (parent, table_code) NOT IN (('user_state_audit', 'state'), ('entity_audit', 'entity'),
                                    ('request_audit', 'request'), ('login_audit', 'login')) THEN
        RAISE EXCEPTION '% is not an audit table', parent;
    END IF;
    IF to_regclass(part_name) IS NULL THEN
        RAISE EXCEPTION 'no partition % to retire', part_name;
    END IF;
    EXECUTE format('SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM audit_leaf l '
                   'WHERE l.table_code = %L AND l.row_id = t.id)) FROM %I t', table_code, part_name)
        INTO total, unsealed;
    IF unsealed > 0 THEN
        RAISE EXCEPTION '% holds % rows not sealed yet', part_name, unsealed;
    END IF;
    tombstone := coalesce((SELECT max(id) FROM audit_tombstone), 0) + 1;
    EXECUTE format('INSERT INTO audit_tombstone (id, table_code, month_start, first_leaf, last_leaf, row_count, '
                   'leaves_digest, dropped_at, dropped_by, reason) '
                   'SELECT %s, %L, %L, min(l.leaf_index), max(l.leaf_index), count(*), '
                   'sha256(coalesce(string_agg(l.leaf_hash, ''''::bytea ORDER BY l.leaf_index), ''''::bytea)), '
                   'now(), %L, %L FROM %I t JOIN audit_leaf l ON l.table_code = %L AND l.row_id = t.id',
                   tombstone, table_code, date_trunc('month', month)::date, retired_by, why, part_name, table_code);
    EXECUTE format('INSERT INTO audit_tombstone_leaf (leaf_index, tombstone_id, written_by) SELECT l.leaf_index, %s, t.written_by '
                   'FROM %I t JOIN audit_leaf l ON l.table_code = %L AND l.row_id = t.id',
                   tombstone, part_name, table_code);
    EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', parent, part_name);
    EXECUTE format('DROP TABLE %I', part_name);
    RETURN tombstone;
END
$$;

-- The tombstones are append-only like the tree they complete.
CREATE TRIGGER audit_tombstone_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_tombstone
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_tombstone_leaf_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_tombstone_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

DO $$
DECLARE
    app TEXT := current_user;
    owned TEXT;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'audit_retention') AND pg_has_role(app, 'audit_retention', 'MEMBER') THEN
        EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO audit_retention', current_schema());
        FOR owned IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
                AND (c.relname IN ('user_state_audit', 'entity_audit', 'request_audit', 'login_audit',
                                   'audit_tombstone', 'audit_tombstone_leaf')
                     OR c.relname ~ '^(user_state|entity|request|login)_audit_(p[0-9]{6}|default)$') LOOP
            EXECUTE format('ALTER TABLE %I OWNER TO audit_retention', owned);
        END LOOP;
        ALTER FUNCTION audit_month_partition(TEXT, DATE) OWNER TO audit_retention;
        ALTER FUNCTION audit_retire_month(TEXT, TEXT, DATE, TEXT, TEXT) OWNER TO audit_retention;
        GRANT SELECT ON audit_leaf TO audit_retention;
        -- Only the owner grants on what it owns; the application's role is a member, not an heir.
        SET ROLE audit_retention;
        EXECUTE format('GRANT SELECT, INSERT ON user_state_audit, entity_audit, request_audit, login_audit TO %I', app);
        EXECUTE format('GRANT SELECT ON audit_tombstone, audit_tombstone_leaf TO %I', app);
    ELSE
        RAISE WARNING 'Role audit_retention missing or not granted to %: the audit tables stay owned by the application''s role (docs/INTEGRITY.md, "Retention")', app;
        REVOKE UPDATE, DELETE, TRUNCATE ON user_state_audit, entity_audit, request_audit, login_audit,
            audit_tombstone, audit_tombstone_leaf FROM CURRENT_USER;
    END IF;
    REVOKE ALL ON FUNCTION audit_month_partition(TEXT, DATE) FROM PUBLIC;
    REVOKE ALL ON FUNCTION audit_retire_month(TEXT, TEXT, DATE, TEXT, TEXT) FROM PUBLIC;
    EXECUTE format('GRANT EXECUTE ON FUNCTION audit_month_partition(TEXT, DATE) TO %I', app);
    EXECUTE format('GRANT EXECUTE ON FUNCTION audit_retire_month(TEXT, TEXT, DATE, TEXT, TEXT) TO %I', app);
    RESET ROLE;
END
$$;
