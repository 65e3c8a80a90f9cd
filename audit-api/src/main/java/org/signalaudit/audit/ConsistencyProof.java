package org.signalaudit.audit;

import java.util.List;

/** RFC 9162 §2.1.4: the tree of {@code to} leaves extends the tree of {@code from} leaves. Hashes in hex. */
public record ConsistencyProof(long from, long to, String fromRoot, String toRoot, List<String> proof) {
}
