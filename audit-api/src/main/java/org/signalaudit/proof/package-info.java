/**
 * The verifiable contract of the sealed log: RFC 9162 Merkle tree hashing, roots, inclusion and
 * consistency proofs over stored perfect subtrees ({@link org.signalaudit.proof.MerkleTree}), the
 * sealer's in-memory right edge ({@link org.signalaudit.proof.Frontier}), C2SP checkpoints signed
 * as C2SP signed notes with Ed25519 ({@link org.signalaudit.proof.Checkpoint},
 * {@link org.signalaudit.proof.SignedNote}), the seal key pair ({@link org.signalaudit.proof.SealKeys}),
 * the encoding of a leaf's data ({@link org.signalaudit.proof.LeafFields}) and the evidence pack's
 * layout and signed manifest ({@link org.signalaudit.proof.EvidencePack},
 * {@link org.signalaudit.proof.EvidenceManifest}).
 *
 * <p>JDK only, on purpose: the server, the screens and the offline verifier that auditors run with
 * nothing but a JDK (module audit-verify, which packs this package into its jar) share this one
 * implementation, and the formats are the public ones so that
 * transparency-log tools and witnesses can check what the sealer publishes without our code.
 */
package org.signalaudit.proof;
