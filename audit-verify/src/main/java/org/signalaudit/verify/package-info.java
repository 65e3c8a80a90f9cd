/**
 * The standalone verifier of evidence packs ({@code java -jar audit-verify.jar pack.zip [--key key.pub]}):
 * plain Java, no server, no database, no network, nothing but the JDK. It is built from the same
 * proof package as the server ({@link org.signalaudit.proof}: Merkle proofs, signed notes, the leaf
 * encoding, the pack's layout and manifest), which the build packs into the one executable jar, so
 * what it checks is by construction what the server wrote; its JSON reader is its own
 * ({@link org.signalaudit.verify.Json}), as the JDK has none.
 */
package org.signalaudit.verify;
