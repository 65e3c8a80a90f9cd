-- Tombstones list their leaves as ranges instead of one row per leaf: as db/migration/postgresql/V61,
-- which says why; keep the two in step. H2 has no partitions and retention never drops anything
-- here, so there is nothing to carry over.
CREATE TABLE audit_tombstone_range (
    first_leaf      BIGINT NOT NULL PRIMARY KEY,
    last_leaf       BIGINT NOT NULL,
    tombstone_id    BIGINT NOT NULL REFERENCES audit_tombstone (id),
    last_written_by BIGINT,
    CONSTRAINT audit_tombstone_range_check CHECK (first_leaf <= last_leaf)
);
CREATE INDEX audit_tombstone_range_tombstone_idx ON audit_tombstone_range (tombstone_id, first_leaf);

DROP TABLE audit_tombstone_leaf;
