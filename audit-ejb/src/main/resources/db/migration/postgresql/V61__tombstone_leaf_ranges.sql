-- Tombstones list their leaves as ranges instead of one row per leaf (issue 16; docs/INTEGRITY.md
-- "Retention", docs/PERFORMANCE.md "Retention"). A month of 1,000,000 rows wrote 1,000,000 rows of
-- audit_tombstone_leaf (primary and foreign key checked for each), most of the 17 s that
-- audit_retire_month took. A range of leaf indexes stands for every leaf *of the tombstone's table*
-- inside it (leaves of the other tables interleave freely and are not its concern): a month's rows,
-- written in that month, are one run of the table's leaves, so a month is one range, a few at most.
-- Leaf indexes are final (the tree only grows at its end), so a range can never come to cover a
-- leaf sealed after it.
--
-- The sealer reads its place in the sealed order from the last sealed row; when retention dropped
-- that row, its transaction id comes from here (V43 kept it for every leaf; the last leaf of the
-- tree, when dropped, is always the last leaf of a range, so each range keeps the transaction of its
-- last row).
--
-- The tables and the function belong to audit_retention where V43 handed them over: the statements
-- below run as the owner of audit_tombstone (the application's role is a member of it, V43).
DO $$
DECLARE
    owner TEXT := (SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'audit_tombstone');
BEGIN
    IF owner <> current_user THEN
        EXECUTE format('SET ROLE %I', owner);
    END IF;
END
$$;

CREATE TABLE audit_tombstone_range (
    first_leaf      BIGINT NOT NULL PRIMARY KEY,
    last_leaf       BIGINT NOT NULL,
    tombstone_id    BIGINT NOT NULL REFERENCES audit_tombstone (id),
    last_written_by xid8,
    CONSTRAINT audit_tombstone_range_check CHECK (first_leaf <= last_leaf)
);
CREATE INDEX audit_tombstone_range_tombstone_idx ON audit_tombstone_range (tombstone_id, first_leaf);
CREATE TRIGGER audit_tombstone_range_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_tombstone_range
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- The tombstones written so far: their listed leaves become runs of their table's leaves (gaps and
-- islands over the table's leaves between the tombstone's first and last leaf).
INSERT INTO audit_tombstone_range (first_leaf, last_leaf, tombstone_id, last_written_by)
SELECT min(leaf_index), max(leaf_index), tombstone_id,
       (array_agg(written_by ORDER BY leaf_index DESC))[1]
FROM (SELECT l.leaf_index, t.id AS tombstone_id, r.written_by, r.leaf_index IS NOT NULL AS retired,
             row_number() OVER (PARTITION BY t.id ORDER BY l.leaf_index)
             - row_number() OVER (PARTITION BY t.id, r.leaf_index IS NOT NULL ORDER BY l.leaf_index) AS island
      FROM audit_tombstone t
      JOIN audit_leaf l ON l.table_code = t.table_code AND l.leaf_index BETWEEN t.first_leaf AND t.last_leaf
      LEFT JOIN audit_tombstone_leaf r ON r.leaf_index = l.leaf_index AND r.tombstone_id = t.id) leaves
WHERE retired
GROUP BY tombstone_id, island;

DROP TABLE audit_tombstone_leaf;

-- Retention's one privileged act, as V43's, but cheaper: the month's rows are joined with their
-- leaves once (into a temporary table), the sealing check, the tombstone's aggregate and its ranges
-- are read from there. A month that is one run of its table's leaves (the table's leaves between its
-- first and last are all its own) is one range, found by one count; otherwise the runs are computed.
CREATE OR REPLACE FUNCTION audit_retire_month(parent TEXT, table_code TEXT, month DATE, retired_by TEXT, why TEXT)
    RETURNS BIGINT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    part_name TEXT := parent || '_p' || to_char(date_trunc('month', month), 'YYYYMM');
    tombstone BIGINT;
    unsealed BIGINT;
    total BIGINT;
    span_first BIGINT;
    span_last BIGINT;
    digest BYTEA;
    in_span BIGINT;
BEGIN
    IF (parent, table_code) NOT IN (('user_state_audit', 'state'), ('entity_audit', 'entity'),
                                    ('request_audit', 'request'), ('login_audit', 'login')) THEN
        RAISE EXCEPTION '% is not an audit table', parent;
    END IF;
    IF to_regclass(part_name) IS NULL THEN
        RAISE EXCEPTION 'no partition % to retire', part_name;
    END IF;
    EXECUTE format('CREATE TEMPORARY TABLE retiring_leaves ON COMMIT DROP AS SELECT l.leaf_index, l.leaf_hash, '
                   't.written_by FROM %I t LEFT JOIN audit_leaf l ON l.table_code = %L AND l.row_id = t.id',
                   part_name, table_code);
    SELECT count(*), count(*) - count(r.leaf_index), min(r.leaf_index), max(r.leaf_index),
           sha256(coalesce(string_agg(r.leaf_hash, ''::bytea ORDER BY r.leaf_index), ''::bytea))
        INTO total, unsealed, span_first, span_last, digest FROM pg_temp.retiring_leaves r;
    IF unsealed > 0 THEN
        RAISE EXCEPTION '% holds % rows not sealed yet', part_name, unsealed;
    END IF;
    tombstone := coalesce((SELECT max(id) FROM audit_tombstone), 0) + 1;
    INSERT INTO audit_tombstone (id, table_code, month_start, first_leaf, last_leaf, row_count, leaves_digest,
                                 dropped_at, dropped_by, reason)
        VALUES (tombstone, table_code, date_trunc('month', month)::date, span_first, span_last, total, digest,
                now(), retired_by, why);
    IF total > 0 THEN
        SELECT count(*) INTO in_span FROM audit_leaf l
            WHERE l.leaf_index BETWEEN span_first AND span_last AND l.table_code = audit_retire_month.table_code;
        IF in_span = total THEN
            INSERT INTO audit_tombstone_range (first_leaf, last_leaf, tombstone_id, last_written_by)
                SELECT span_first, span_last, tombstone, r.written_by FROM pg_temp.retiring_leaves r
                WHERE r.leaf_index = span_last;
        ELSE
            INSERT INTO audit_tombstone_range (first_leaf, last_leaf, tombstone_id, last_written_by)
            SELECT min(leaf_index), max(leaf_index), tombstone, (array_agg(written_by ORDER BY leaf_index DESC))[1]
            FROM (SELECT l.leaf_index, r.written_by, r.leaf_index IS NOT NULL AS retired,
                         row_number() OVER (ORDER BY l.leaf_index)
                         - row_number() OVER (PARTITION BY r.leaf_index IS NOT NULL ORDER BY l.leaf_index) AS island
                  FROM audit_leaf l LEFT JOIN pg_temp.retiring_leaves r ON r.leaf_index = l.leaf_index
                  WHERE l.leaf_index BETWEEN span_first AND span_last
                    AND l.table_code = audit_retire_month.table_code) leaves
            WHERE retired
            GROUP BY island;
        END IF;
    END IF;
    DROP TABLE pg_temp.retiring_leaves;
    EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', parent, part_name);
    EXECUTE format('DROP TABLE %I', part_name);
    RETURN tombstone;
END
$$;

DO $$
BEGIN
    EXECUTE format('GRANT SELECT ON audit_tombstone_range TO %I', session_user);
END
$$;
RESET ROLE;
