package org.signalaudit.proof;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Ed25519 keys: the seal key pair. On PostgreSQL the operator provides it as a PKCS#12 keystore
 * (what {@code keytool} makes); the embedded H2 default generates one and keeps it as a PKCS#8 PEM
 * file, the format {@code openssl} and every other tool read.
 */
public final class SealKeys {

    private static final String ALGORITHM = "Ed25519";
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private SealKeys() {
    }

    /** A new Ed25519 key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK provides no Ed25519 (JDK 15+ does)", e);
        }
    }

    /**
     * The one private-key entry of a PKCS#12 keystore made by
     * {@code keytool -genkeypair -keyalg Ed25519 -storetype PKCS12}, whose key password is the
     * store password (keytool makes them equal for PKCS#12). Refused with one clear line when the
     * file is missing or unreadable, the password wrong, or the entries not exactly one Ed25519 key.
     */
    public static KeyPair fromPkcs12(Path file, char[] password) {
        KeyStore store = loadPkcs12(file, password);
        String alias = onlyKeyEntry(store, file);
        try {
            Key key = store.getKey(alias, password);
            Certificate certificate = store.getCertificate(alias);
            if (certificate == null) {
                throw new IllegalArgumentException("seal keystore " + file + ": entry '" + alias + "' has no certificate");
            }
            PrivateKey privateKey = ed25519(key, "seal keystore " + file + ": entry '" + alias + "'");
            PublicKey publicKey = publicKeyOf(privateKey);
            if (!Arrays.equals(SignedNote.rawPublicKey(publicKey), SignedNote.rawPublicKey(certificate.getPublicKey()))) {
                throw new IllegalArgumentException("seal keystore " + file + ": entry '" + alias
                        + "' has a certificate of another key");
            }
            return new KeyPair(publicKey, privateKey);
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException("seal keystore " + file + ": the key of entry '" + alias
                    + "' cannot be read with the keystore password", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("seal keystore " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the private key as PKCS#8 PEM, readable by the owner only where the file system has
     * POSIX permissions. Never overwrites: a seal key that is lost can no longer sign checkpoints
     * its published public key verifies. The public key is not written; it is derived on reading.
     */
    public static void writePkcs8(KeyPair pair, Path file) {
        PrivateKey key = ed25519(pair.getPrivate(), "the key pair to write");
        String pem = PEM_BEGIN + "\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded()) + "\n"
                + PEM_END + "\n";
        try {
            Path directory = file.toAbsolutePath().getParent();
            if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("seal key file " + file + " already exists; refusing to overwrite it", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the seal key file " + file, e);
        }
    }

    /** Reads what {@link #writePkcs8} wrote (any PKCS#8 PEM Ed25519 private key); the public key is derived. */
    public static KeyPair readPkcs8(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("seal key file not found: " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("seal key file " + file + " is unreadable: " + e.getMessage(), e);
        }
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("seal key file " + file + " holds no '" + PEM_BEGIN + "' block");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end));
            PrivateKey key = ed25519(KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der)),
                    "seal key file " + file);
            return new KeyPair(publicKeyOf(key), key);
        } catch (IllegalArgumentException | InvalidKeySpecException e) {
            throw new IllegalArgumentException("seal key file " + file + " holds no readable Ed25519 PKCS#8 key: "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK provides no Ed25519 (JDK 15+ does)", e);
        }
    }

    /**
     * The public key of an Ed25519 private key. The JDK has no API for it, but its key pair
     * generator derives the public key from 32 random bytes that become the private key; fed the
     * private key's bytes as its randomness it derives this key's public key. That the generated
     * private key equals the given one is checked, so a generator that draws differently fails
     * loudly instead of yielding a wrong key.
     */
    static PublicKey publicKeyOf(PrivateKey key) {
        byte[] seed = ((EdECPrivateKey) ed25519(key, "the private key")).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the private key does not reveal its bytes"));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new Replay(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] generated = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            if (!Arrays.equals(generated, seed)) {
                throw new IllegalStateException("this JDK's Ed25519 generator does not take the private key from"
                        + " its random source; the public key cannot be derived");
            }
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK provides no Ed25519 (JDK 15+ does)", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The key itself when it is an Ed25519 private key; else a refusal that names {@code what}. */
    private static PrivateKey ed25519(Key key, String what) {
        if (key instanceof EdECPrivateKey edec && ALGORITHM.equalsIgnoreCase(edec.getParams().getName())) {
            return edec;
        }
        String found = key == null ? "no key" : key instanceof EdECPrivateKey ? "an Ed448 key" : "a key of type " + key.getAlgorithm();
        throw new IllegalArgumentException(what + " holds " + found + ", not an Ed25519 private key");
    }

    private static KeyStore loadPkcs12(Path file, char[] password) {
        if (password == null) {
            throw new IllegalArgumentException("seal keystore " + file + ": no password given");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("seal keystore not found: " + file, e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException("seal keystore " + file + ": wrong password", e);
            }
            throw new IllegalArgumentException("seal keystore " + file + " is not a readable PKCS#12 file: "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("seal keystore " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static String onlyKeyEntry(KeyStore store, Path file) {
        try {
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.size() != 1) {
                throw new IllegalArgumentException("seal keystore " + file + " holds " + keys.size()
                        + " private-key entries " + keys + "; it must hold exactly one");
            }
            return keys.get(0);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("seal keystore " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** A random source that returns the given bytes: how {@link #publicKeyOf} feeds the generator. */
    private static final class Replay extends SecureRandom {

        private static final long serialVersionUID = 1L;
        private final transient byte[] bytes;

        Replay(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void nextBytes(byte[] into) {
            if (into.length != bytes.length) {
                throw new IllegalStateException("the Ed25519 generator asked for " + into.length + " bytes, not "
                        + bytes.length);
            }
            System.arraycopy(bytes, 0, into, 0, into.length);
        }
    }
}
