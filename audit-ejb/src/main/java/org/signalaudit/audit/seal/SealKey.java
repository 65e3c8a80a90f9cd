package org.signalaudit.audit.seal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.signalaudit.proof.SignedNote;
import org.signalaudit.proof.SealKeys;

/**
 * The Ed25519 key that signs the checkpoints, and the name the notes carry (the log's origin).
 *
 * <p>From {@code AUDIT_SEAL_KEYSTORE} / {@code audit.seal.keystore} (a PKCS#12 file holding one
 * Ed25519 private-key entry, e.g. {@code keytool -genkeypair -keyalg Ed25519 -storetype PKCS12})
 * and its password. Without one, on the embedded H2 file database only, a key is generated on the
 * first start and kept next to the database files; on any other database a deployment without a
 * usable key stops with one line saying so: checkpoints nobody can verify prove nothing.
 */
@ApplicationScoped
public class SealKey {

    private static final Logger LOG = Logger.getLogger(SealKey.class.getName());

    @Inject
    @ConfigProperty(name = "audit.seal.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "audit.seal.keystore-password")
    Optional<String> keystorePassword;

    @Inject
    @ConfigProperty(name = "audit.seal.origin", defaultValue = "signal-audit.local/audit-log")
    String origin;

    @Inject
    @ConfigProperty(name = "audit.db.url")
    String databaseUrl;

    private KeyPair pair;

    @PostConstruct
    void load() {
        if (keystore.filter(path -> !path.isBlank()).isPresent()) {
            Path file = Path.of(keystore.get());
            try {
                pair = SealKeys.fromPkcs12(file, keystorePassword.orElse("").toCharArray());
            } catch (RuntimeException e) {
                throw new IllegalStateException("AUDIT_SEAL_KEYSTORE (" + file + ") cannot be used: " + e.getMessage());
            }
            LOG.info(() -> "Checkpoints are signed with the key of " + file + " (" + verifierKey() + ")");
            return;
        }
        Optional<Path> h2Directory = embeddedDatabaseDirectory(databaseUrl);
        if (h2Directory.isEmpty()) {
            throw new IllegalStateException("AUDIT_SEAL_KEYSTORE is not set: a deployment on " + databaseUrl
                    + " needs the PKCS#12 keystore of the Ed25519 key that signs the audit checkpoints "
                    + "(keytool -genkeypair -keyalg Ed25519 -storetype PKCS12 -alias seal -dname CN=seal -keystore seal.p12), "
                    + "and AUDIT_SEAL_KEYSTORE_PASSWORD");
        }
        pair = embeddedKey(h2Directory.get().resolve("seal-key.pem"));
    }

    /** The key kept next to the embedded database's files, made on the first start. */
    private KeyPair embeddedKey(Path file) {
        try {
            if (Files.exists(file)) {
                return SealKeys.readPkcs8(file);
            }
            Files.createDirectories(file.getParent());
            KeyPair generated = SealKeys.generate();
            SealKeys.writePkcs8(generated, file);
            LOG.info(() -> "Generated the checkpoint signing key for the embedded database: " + file.toAbsolutePath()
                    + " (" + SignedNote.verifierKey(origin, generated.getPublic()) + ")");
            return generated;
        } catch (RuntimeException | java.io.IOException e) {
            throw new IllegalStateException("The checkpoint signing key " + file.toAbsolutePath()
                    + " cannot be read or made: " + e.getMessage());
        }
    }

    /**
     * The directory of an embedded H2 file database ({@code jdbc:h2:file:./dir/name;...}); empty for
     * any other URL, where the keystore is required (and checked before start-up by
     * {@code configuration.control.ConfigurationCheck}).
     */
    public static Optional<Path> embeddedDatabaseDirectory(String url) {
        String prefix = "jdbc:h2:file:";
        if (url == null || !url.startsWith(prefix)) {
            return Optional.empty();
        }
        String path = url.substring(prefix.length()).split(";", 2)[0];
        Path parent = Path.of(path).toAbsolutePath().getParent();
        return Optional.ofNullable(parent);
    }

    /**
     * A key for HMAC-SHA256 derived from the seal key for one {@code purpose}: every instance of a
     * deployment holds the same seal key, and the database does not, so a MAC made with it on one
     * instance checks on another, and one found in the database or the data grid can be neither
     * forged nor used to test guesses offline.
     */
    public SecretKeySpec derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pair.getPrivate().getEncoded(), "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    public KeyPair pair() {
        return pair;
    }

    /** The signed note's key name: the log's origin. */
    public String name() {
        return origin;
    }

    public String keyIdHex() {
        return HexFormat.of().formatHex(SignedNote.keyId(origin, pair.getPublic()));
    }

    /** The key in the signed-note verifier-key form, {@code name+keyid+base64(0x01 ‖ key)}. */
    public String verifierKey() {
        return SignedNote.verifierKey(origin, pair.getPublic());
    }
}
