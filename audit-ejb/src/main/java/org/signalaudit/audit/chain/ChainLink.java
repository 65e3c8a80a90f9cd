package org.signalaudit.audit.chain;

/** A row's place in its chain: its position, the hash of the row before it, and its own hash. */
public record ChainLink(long seq, String prevHash, String rowHash) {
}
