package org.signalaudit.audit.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signalaudit.proof.Checkpoint;
import org.signalaudit.proof.SignedNote;

/**
 * The consistency check's signature verification of the previous checkpoint: skipped only for the
 * very text this instance signed or verified last, done for any other. Checkpoints of one tree
 * size, so that the check needs no stored nodes (and no connection).
 */
class SealMonitorTest {

    private static final byte[] ROOT = new byte[32];

    private final CountingCheckpoints checkpoints = new CountingCheckpoints();
    private final SealMonitor monitor = new SealMonitor();

    @BeforeEach
    void wire() throws NoSuchAlgorithmException {
        checkpoints.key = new FixedKey(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        monitor.checkpoints = checkpoints;
    }

    @Test
    void theCheckpointSignedInTheLastSealIsNotVerifiedAgain() throws Exception {
        var first = checkpoints.sign(5, ROOT, Optional.empty());
        var second = checkpoints.sign(5, ROOT, Optional.of(first));
        var third = checkpoints.sign(5, ROOT, Optional.of(second));

        monitor.checkConsistency(null, Optional.of(first), second);
        assertEquals(1, checkpoints.verifications, "a checkpoint this instance has not seen is verified");
        monitor.checkConsistency(null, Optional.of(second), third);
        assertEquals(1, checkpoints.verifications, "the one it signed in the seal before is not verified again");
    }

    @Test
    void aStoredCheckpointThatDiffersFromTheOneSignedIsVerifiedAndRefused() throws Exception {
        var first = checkpoints.sign(5, ROOT, Optional.empty());
        var second = checkpoints.sign(5, ROOT, Optional.of(first));
        monitor.checkConsistency(null, Optional.of(first), second);

        // The stored checkpoint edited after it was signed: its size line says 6, the signature is of 5.
        var edited = new TreeStore.StoredCheckpoint(second.treeSize(), second.rootHash(), second.sealedAt(),
                second.previousHash(), second.keyId(), second.note().replaceFirst("\n5\n", "\n6\n"));
        var third = checkpoints.sign(5, ROOT, Optional.of(edited));
        assertThrows(TamperingException.class, () -> monitor.checkConsistency(null, Optional.of(edited), third));
        assertEquals(2, checkpoints.verifications);
    }

    /** The real signing and verifying, counted. */
    private static final class CountingCheckpoints extends Checkpoints {
        int verifications;

        @Override
        public Checkpoint verified(TreeStore.StoredCheckpoint checkpoint) {
            verifications++;
            return super.verified(checkpoint);
        }
    }

    /** A seal key without a keystore: a fresh Ed25519 pair under a test origin. */
    private static final class FixedKey extends SealKey {
        private static final String ORIGIN = "signal-audit.test/seal-monitor";
        private final KeyPair pair;

        FixedKey(KeyPair pair) {
            this.pair = pair;
        }

        @Override
        public KeyPair pair() {
            return pair;
        }

        @Override
        public String name() {
            return ORIGIN;
        }

        @Override
        public String keyIdHex() {
            return HexFormat.of().formatHex(SignedNote.keyId(ORIGIN, pair.getPublic()));
        }

        @Override
        public String verifierKey() {
            return SignedNote.verifierKey(ORIGIN, pair.getPublic());
        }
    }
}
