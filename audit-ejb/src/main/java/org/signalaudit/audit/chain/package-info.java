/**
 * The hash chains that make the audit tables tamper-evident.
 *
 * <p>Every row of an audit table carries its position in its table's chain ({@code chain_seq},
 * 1, 2, 3, ...), the hash of the row before it ({@code prev_hash}) and its own hash
 * ({@code row_hash}): SHA-256 over a canonical encoding of the table, the position, the previous
 * hash and every column but the surrogate id ({@link org.signalaudit.audit.chain.RowDigest}).
 * The chain's head (last position and hash) is a row of {@code audit_chain}. A writer locks the
 * head row, links its rows and moves the head in the transaction that inserts them, so
 * concurrent writers queue on the head and can neither fork the chain nor leave a gap; a rollback
 * takes the rows and the head back together ({@link org.signalaudit.audit.chain.AuditChain}).
 *
 * <p>The state and entity chains are written in the business transactions, at the end of the
 * flush that writes the change: those take both heads, in one order, after every row they lock
 * ({@link org.signalaudit.audit.control.BusinessAuditWriter}), so no two of them wait on each other
 * in a cycle, and each holds the heads only for its audit statements and its commit. The request
 * and login chains are written in transactions of their own and lock only their head. Audited
 * business writes still commit one after another: see docs/INTEGRITY.md.
 */
package org.signalaudit.audit.chain;
