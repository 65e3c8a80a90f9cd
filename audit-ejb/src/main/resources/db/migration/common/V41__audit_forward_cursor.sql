-- Where the copy of the sealed log in a separate system (syslog, docs/INTEGRITY.md) has got to, one
-- row per destination (host:port): the next leaf to send and the size of the last checkpoint sent.
-- Advanced in the forwarder's transaction once the receiver has read a batch, so a restart or a
-- receiver outage resumes here: at least once, never a gap. Unlike the tree it is updated, so it
-- is not append-only.
CREATE TABLE audit_forward_cursor (
    destination     VARCHAR(300) NOT NULL PRIMARY KEY,
    next_leaf       BIGINT       NOT NULL,
    checkpoint_size BIGINT       NOT NULL,
    forwarded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_forward_cursor_position_check CHECK (next_leaf >= 0 AND checkpoint_size >= 0
        AND checkpoint_size <= next_leaf)
);
