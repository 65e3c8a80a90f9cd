package org.signalaudit.audit;

import java.io.Serializable;
/**
 * How the sealed log stands now: the latest checkpoint (null before the first seal) and whether its
 * signature verifies with the seal key, the seal lag (age of the oldest committed row not yet
 * sealed), and the first failed verification since this instance started (null: none).
 */
public record SealStatus(CheckpointView latest, boolean signatureValid, long sealLagMillis,
                         String verificationProblem) implements Serializable {
}
