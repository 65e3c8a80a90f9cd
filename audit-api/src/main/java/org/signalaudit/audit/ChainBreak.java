package org.signalaudit.audit;

/**
 * Where a chain stops proving anything: the position in the chain and the row found there (null
 * when the row is missing), what the walk found, and a sentence saying so.
 */
public record ChainBreak(long chainSeq, Long rowId, Kind kind, String detail) {

    public enum Kind {
        /** The row's content no longer hashes to the value written with it. */
        EDITED,
        /** Positions are missing before this row. */
        DELETED,
        /** The row was not linked by the application: beyond the head, a repeated position, or a wrong link. */
        INSERTED,
        /** The chain ends before the head the application recorded: its last rows are gone. */
        TRUNCATED
    }
}
