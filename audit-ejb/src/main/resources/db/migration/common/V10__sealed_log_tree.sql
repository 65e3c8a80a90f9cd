-- The Merkle tree of the sealed log (RFC 9162), one for the four audit tables (docs/INTEGRITY.md).

-- The leaves, in tree order: which row each is, and its hash (SHA-256(0x00 || leaf data)).
CREATE TABLE audit_leaf (
    leaf_index BIGINT      NOT NULL PRIMARY KEY,
    table_code VARCHAR(8)  NOT NULL,
    row_id     BIGINT      NOT NULL,
    leaf_hash  BYTEA       NOT NULL,
    CONSTRAINT audit_leaf_table_check CHECK (table_code IN ('state', 'entity', 'request', 'login')),
    CONSTRAINT audit_leaf_row_key UNIQUE (table_code, row_id)
);

-- Every complete (perfect) subtree above the leaves: level L, index i covers the leaves
-- i * 2^L .. (i + 1) * 2^L - 1. With them a root or a proof needs O(log n) reads.
CREATE TABLE audit_node (
    node_level SMALLINT   NOT NULL,
    node_index BIGINT     NOT NULL,
    hash       BYTEA      NOT NULL,
    PRIMARY KEY (node_level, node_index),
    CONSTRAINT audit_node_level_check CHECK (node_level BETWEEN 1 AND 63)
);

-- One row per seal: the signed checkpoint (a C2SP signed note) of the tree at that size, and the
-- hash of the previous checkpoint's note.
CREATE TABLE audit_checkpoint (
    tree_size     BIGINT        NOT NULL PRIMARY KEY,
    root_hash     BYTEA         NOT NULL,
    sealed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    previous_hash BYTEA,
    key_id        VARCHAR(8)    NOT NULL,
    note          VARCHAR(4000) NOT NULL
);
