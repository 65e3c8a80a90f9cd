package org.signalaudit.audit;

import java.io.Serializable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The public key that verifies the checkpoints: its name (the log's origin), id (hex), the raw
 * Ed25519 key (base64, 32 bytes), the same in X.509 SubjectPublicKeyInfo form (base64, as
 * {@code openssl} reads it), and the signed-note verifier key {@code name+keyid+base64(0x01 ‖ key)}.
 */
@Schema(description = "The public key that verifies the checkpoints.")
public record SealKeyView(
        @Schema(description = "the key's name: the log's origin", example = "signal-audit.local/audit-log") String name,
        @Schema(description = "the key's id (hex)") String keyId,
        @Schema(description = "the raw Ed25519 key (base64, 32 bytes)") String publicKey,
        @Schema(description = "the key as X.509 SubjectPublicKeyInfo (base64)") String publicKeyX509,
        @Schema(description = "the signed-note verifier key name+keyid+base64(0x01 key)") String verifierKey) implements Serializable {
}
