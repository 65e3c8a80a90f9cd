package org.signalaudit.audit;

import java.time.Instant;

/**
 * A signed checkpoint: the tree's size and root (hex), when it was sealed, the signing key's id
 * (hex) and signature (base64), and {@code note}, the C2SP signed note that carries all of it in
 * the text form transparency-log tools read.
 */
public record CheckpointView(long treeSize, String rootHash, Instant timestamp, String keyId, String signature,
                             String note) {
}
