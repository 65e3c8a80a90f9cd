/**
 * The sealed log: tamper evidence that costs writers nothing. Audit rows are inserted with no
 * shared lock; once committed, and once no transaction still running can precede them, the
 * {@link org.signalaudit.audit.seal.Sealer} appends them as leaves to one Merkle tree (RFC 9162)
 * and signs a checkpoint (C2SP tlog-checkpoint in a signed note, Ed25519). One tree for the four
 * tables, not one each: one checkpoint then proves every table at one instant, a row's place in
 * the tree says which of two rows of different tables was sealed first, and there is one sequence
 * to publish to a witness. The verify ({@link org.signalaudit.audit.seal.LogVerification}) and the
 * continuous verification re-derive the tree from the rows; the proofs come from the stored
 * subtrees ({@link org.signalaudit.audit.seal.TreeStore}). docs/INTEGRITY.md has the design.
 */
package org.signalaudit.audit.seal;
