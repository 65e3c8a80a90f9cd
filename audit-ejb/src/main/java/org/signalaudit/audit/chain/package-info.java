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
 * <p>The state and entity chains are written in the business transactions: those take both heads,
 * in one order, before anything else ({@link org.signalaudit.audit.chain.AuditedWrite}), so no
 * two of them wait on each other in a cycle. The request and login chains are written in
 * transactions of their own and lock only their head. The cost is that audited business writes
 * commit one after another: see docs/INTEGRITY.md.
 */
package org.signalaudit.audit.chain;
