/**
 * Evidence packs: the rows of one audit table that a query keeps, each with its leaf data as the
 * sealer hashed it and its RFC 9162 inclusion proof against one signed checkpoint, and a manifest
 * signed by the seal key that fixes how many rows the pack holds and which; written as a ZIP in one
 * streamed pass ({@link org.signalaudit.audit.evidence.EvidencePacker}). The layout and the
 * manifest are defined once in the pure-JDK proof package ({@link org.signalaudit.proof.EvidencePack},
 * {@link org.signalaudit.proof.EvidenceManifest}), which the offline verifier (module audit-verify)
 * is built from.
 */
package org.signalaudit.audit.evidence;
