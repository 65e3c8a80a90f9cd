package org.signalaudit.audit;

/**
 * The public key that verifies the checkpoints: its name (the log's origin), id (hex), the raw
 * Ed25519 key (base64, 32 bytes), the same in X.509 SubjectPublicKeyInfo form (base64, as
 * {@code openssl} reads it), and the signed-note verifier key {@code name+keyid+base64(0x01 ‖ key)}.
 */
public record SealKeyView(String name, String keyId, String publicKey, String publicKeyX509, String verifierKey) {
}
