package org.signalaudit.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

    private static final String NAME = "audit.example.org/log";

    private final KeyPair seal = SealKeys.generate();
    private final String verifierKey = SignedNote.verifierKey(NAME, seal.getPublic());
    private final String body = new Checkpoint(NAME, 8, MerkleHash.emptyRoot(), List.of()).body();

    @Test
    void aSignedNoteVerifiesWithItsVerifierKey() {
        String note = SignedNote.sign(body, NAME, seal.getPrivate());
        assertThat(note).startsWith(body + "\n\u2014 " + NAME + " ").endsWith("\n");
        assertThat(SignedNote.verify(note, verifierKey)).isEqualTo(new SignedNote.Verified(body, NAME));
        assertThat(Checkpoint.parse(SignedNote.verify(note, verifierKey).body()).size()).isEqualTo(8);
    }

    @Test
    void theSignatureLineCarriesTheKeyIdThenTheEd25519Signature() {
        String note = SignedNote.sign(body, NAME, seal.getPrivate());
        String line = note.substring(note.lastIndexOf('\u2014'));
        byte[] decoded = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1).trim());
        assertThat(decoded).hasSize(4 + 64);
        assertThat(HexFormat.of().formatHex(decoded, 0, 4)).isEqualTo(verifierKey.split("\\+")[1]);
    }

    @Test
    void aChangedBodyByteFails() {
        String note = SignedNote.sign(body, NAME, seal.getPrivate());
        String changed = note.replaceFirst("\n8\n", "\n9\n");
        assertThatThrownBy(() -> SignedNote.verify(changed, verifierKey)).isInstanceOf(SignedNote.NoteException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void aChangedSignatureFails() {
        String note = SignedNote.sign(body, NAME, seal.getPrivate());
        int at = note.lastIndexOf(' ') + 1;
        byte[] signature = Base64.getDecoder().decode(note.substring(at).trim());
        signature[40] ^= 1;
        String changed = note.substring(0, at) + Base64.getEncoder().encodeToString(signature) + "\n";
        assertThatThrownBy(() -> SignedNote.verify(changed, verifierKey)).isInstanceOf(SignedNote.NoteException.class)
                .hasMessage("the signature of " + NAME + " does not verify: the note was changed after signing");
    }

    @Test
    void anotherKeyOrAnotherNameFindsNoSignatureOfItsOwn() {
        String note = SignedNote.sign(body, NAME, seal.getPrivate());
        String otherKey = SignedNote.verifierKey(NAME, SealKeys.generate().getPublic());
        assertThatThrownBy(() -> SignedNote.verify(note, otherKey)).isInstanceOf(SignedNote.NoteException.class)
                .hasMessageStartingWith("no signature of " + NAME + "+")
                .hasMessageEndingWith("it is signed by [" + NAME + "+" + verifierKey.split("\\+")[1] + "]");
        String otherName = SignedNote.verifierKey("another.example.org/log", seal.getPublic());
        assertThatThrownBy(() -> SignedNote.verify(note, otherName)).isInstanceOf(SignedNote.NoteException.class)
                .hasMessageStartingWith("no signature of another.example.org/log+");
    }

    @Test
    void aWitnessCosignatureLeavesTheNoteVerifiableByEither() {
        KeyPair witness = SealKeys.generate();
        String note = SignedNote.sign(body, NAME, seal.getPrivate());
        String witnessLine = SignedNote.sign(body, "witness.example.org", witness.getPrivate()).substring(body.length() + 1);
        String cosigned = note + witnessLine;
        assertThat(SignedNote.verify(cosigned, verifierKey).body()).isEqualTo(body);
        assertThat(SignedNote.verify(cosigned, SignedNote.verifierKey("witness.example.org", witness.getPublic())).keyName())
                .isEqualTo("witness.example.org");
    }

    @Test
    void malformedNotesAndKeysAreRefusedWithTheReason() {
        String note = SignedNote.sign(body, NAME, seal.getPrivate());
        assertThatThrownBy(() -> SignedNote.verify(body, verifierKey)).hasMessageContaining("no blank line");
        assertThatThrownBy(() -> SignedNote.verify(note.replace("\u2014", "-"), verifierKey))
                .isInstanceOf(SignedNote.NoteException.class).hasMessageStartingWith("malformed signature line");
        assertThatThrownBy(() -> SignedNote.verify(note.substring(0, note.length() - 1), verifierKey))
                .isInstanceOf(SignedNote.NoteException.class).hasMessageContaining("must end with a newline");
        assertThatThrownBy(() -> SignedNote.verify(note, "not a key")).isInstanceOf(SignedNote.NoteException.class)
                .hasMessageStartingWith("malformed verifier key");
        assertThatThrownBy(() -> SignedNote.sign("no newline", NAME, seal.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end with a newline");
        assertThatThrownBy(() -> SignedNote.sign(body, "has space", seal.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid key name");
    }

    @Test
    void aVerifierKeyRoundTripsAndItsKeyIdIsChecked() {
        PublicKey parsed = SignedNote.publicKey(verifierKey);
        assertThat(SignedNote.rawPublicKey(parsed)).isEqualTo(SignedNote.rawPublicKey(seal.getPublic()));
        assertThat(SignedNote.verifierKey(NAME, parsed)).isEqualTo(verifierKey);
        assertThat(verifierKey).matches(NAME.replace(".", "\\.") + "\\+[0-9a-f]{8}\\+A[Q-Za-f][A-Za-z0-9+/]{42}");
        String[] parts = verifierKey.split("\\+", 3);
        String wrongId = parts[0] + "+" + (parts[1].startsWith("0") ? "1" : "0") + parts[1].substring(1) + "+" + parts[2];
        assertThatThrownBy(() -> SignedNote.publicKey(wrongId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> SignedNote.publicKey("renamed+" + parts[1] + "+" + parts[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    }

    /** The test vector of Go's golang.org/x/mod/sumdb/note (note_test.go): the reference implementation of the format. */
    @Test
    void theGoSumdbNoteVectorVerifies() {
        String peterKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
        String text = "If you think cryptography is the answer to your problem,\n"
                + "then you don't know what your problem is.\n";
        String peterSig = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
        assertThat(SignedNote.verify(text + "\n" + peterSig, peterKey))
                .isEqualTo(new SignedNote.Verified(text, "PeterNeumann"));
        assertThat(SignedNote.verifierKey("PeterNeumann", SignedNote.publicKey(peterKey))).isEqualTo(peterKey);
    }
}
