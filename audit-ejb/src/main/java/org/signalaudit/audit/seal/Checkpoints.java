package org.signalaudit.audit.seal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.signalaudit.proof.Checkpoint;
import org.signalaudit.proof.SignedNote;

/**
 * Makes and checks the signed checkpoints: a C2SP tlog-checkpoint (origin, tree size, base64 root)
 * in a C2SP signed note with the seal key's Ed25519 signature, so existing transparency-log tools
 * and witnesses read it; the row also keeps the time and the SHA-256 of the previous note.
 */
@ApplicationScoped
public class Checkpoints {

    @Inject
    SealKey key;

    public TreeStore.StoredCheckpoint sign(long treeSize, byte[] root, Optional<TreeStore.StoredCheckpoint> previous) {
        String body = new Checkpoint(key.name(), treeSize, root, List.of()).body();
        String note = SignedNote.sign(body, key.name(), key.pair().getPrivate());
        return new TreeStore.StoredCheckpoint(treeSize, root,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                previous.map(checkpoint -> sha256(checkpoint.note())).orElse(null), key.keyIdHex(), note);
    }

    /** The checkpoint's body if its signature verifies with the seal key; else a sentence saying why not. */
    public Checkpoint verified(TreeStore.StoredCheckpoint checkpoint) {
        String body = SignedNote.verify(checkpoint.note(), key.verifierKey()).body();
        return Checkpoint.parse(body);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
