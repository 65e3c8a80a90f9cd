package org.signalaudit.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seal keys as operators make them: keystores from the JDK's own {@code keytool}, run as a child process. */
class SealKeysTest {

    private static final char[] PASSWORD = "seal-secret".toCharArray();

    @TempDir
    Path dir;

    @Test
    void theKeytoolKeystoreYieldsAKeyPairThatSignsVerifiableNotes() throws Exception {
        Path keystore = keytool("seal.p12", "seal", "Ed25519");
        KeyPair pair = SealKeys.fromPkcs12(keystore, PASSWORD);
        String body = "audit.example.org/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n";
        String note = SignedNote.sign(body, "audit.example.org/log", pair.getPrivate());
        assertThat(SignedNote.verify(note, SignedNote.verifierKey("audit.example.org/log", pair.getPublic())).body())
                .isEqualTo(body);
    }

    @Test
    void aWrongPasswordOrAMissingFileIsRefusedClearly() throws Exception {
        Path keystore = keytool("seal.p12", "seal", "Ed25519");
        assertThatThrownBy(() -> SealKeys.fromPkcs12(keystore, "wrong-password".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("seal keystore " + keystore + ": wrong password");
        Path missing = dir.resolve("missing.p12");
        assertThatThrownBy(() -> SealKeys.fromPkcs12(missing, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("seal keystore not found: " + missing);
    }

    @Test
    void aKeystoreOfAnotherAlgorithmOrOfSeveralKeysOrOfNoKeystoreIsRefused() throws Exception {
        Path rsa = keytool("rsa.p12", "seal", "RSA");
        assertThatThrownBy(() -> SealKeys.fromPkcs12(rsa, PASSWORD)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seal keystore " + rsa + ": entry 'seal' holds a key of type RSA, not an Ed25519 private key");
        Path two = keytool("two.p12", "seal", "Ed25519");
        keytool("two.p12", "second", "Ed25519");
        assertThatThrownBy(() -> SealKeys.fromPkcs12(two, PASSWORD)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds 2 private-key entries").hasMessageContaining("exactly one");
        Path text = Files.writeString(dir.resolve("text.p12"), "not a keystore");
        assertThatThrownBy(() -> SealKeys.fromPkcs12(text, PASSWORD)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("seal keystore " + text + " is not a readable PKCS#12 file");
    }

    @Test
    void aPkcs8FileRoundTripsReadableByItsOwnerOnly() throws Exception {
        KeyPair pair = SealKeys.generate();
        Path file = dir.resolve("seal-key.pem");
        SealKeys.writePkcs8(pair, file);
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        KeyPair read = SealKeys.readPkcs8(file);
        assertThat(read.getPrivate().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(SignedNote.rawPublicKey(read.getPublic())).isEqualTo(SignedNote.rawPublicKey(pair.getPublic()));
        assertThatThrownBy(() -> SealKeys.writePkcs8(SealKeys.generate(), file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing to overwrite");
        assertThat(SealKeys.readPkcs8(file).getPrivate().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    }

    @Test
    void unreadablePkcs8FilesAreRefusedClearly() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> SealKeys.readPkcs8(missing)).hasMessage("seal key file not found: " + missing);
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> SealKeys.readPkcs8(empty)).hasMessageContaining("holds no '-----BEGIN PRIVATE KEY-----' block");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"),
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> SealKeys.readPkcs8(garbage)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no readable Ed25519 PKCS#8 key");
    }

    @Test
    void thePublicKeyIsDerivedFromThePrivateKey() {
        for (int i = 0; i < 5; i++) {
            KeyPair pair = SealKeys.generate();
            assertThat(SignedNote.rawPublicKey(SealKeys.publicKeyOf(pair.getPrivate())))
                    .isEqualTo(SignedNote.rawPublicKey(pair.getPublic()));
        }
    }

    /** Adds a key entry to a PKCS#12 keystore with the JDK's keytool, as the operator's guide says. */
    private Path keytool(String file, String alias, String algorithm) throws IOException, InterruptedException {
        Path keystore = dir.resolve(file);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", algorithm, "-storetype", "PKCS12", "-alias", alias, "-dname", "CN=" + alias,
                "-validity", "3650", "-keystore", keystore.toString(), "-storepass", new String(PASSWORD)));
        if (algorithm.equals("RSA")) {
            command.addAll(List.of("-keysize", "2048"));
        }
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as("keytool: %s", output).isZero();
        return keystore;
    }
}
