package org.signalaudit.audit.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The TLS transport against a TLS receiver of the JDK's: certificates made by the JDK's keytool,
 * the client trusting them through {@code javax.net.ssl.trustStore} as an operator would configure
 * it. A batch arrives octet-counted and is confirmed by the receiver's close; a receiver whose
 * certificate names another host is refused.
 */
class SyslogTlsTest {

    private static final String PASSWORD = "test-password";
    private static final Path DIRECTORY = Path.of("target", "syslog-tls").toAbsolutePath();

    @BeforeAll
    static void certificates() throws Exception {
        Files.createDirectories(DIRECTORY);
        for (String name : List.of("receiver", "elsewhere", "trust")) {
            Files.deleteIfExists(DIRECTORY.resolve(name + ".p12"));
        }
        keytool("-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "receiver", "-dname", "CN=receiver",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", path("receiver.p12"),
                "-storepass", PASSWORD);
        keytool("-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "elsewhere", "-dname", "CN=elsewhere",
                "-ext", "san=dns:elsewhere.example", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                path("elsewhere.p12"), "-storepass", PASSWORD);
        for (String name : List.of("receiver", "elsewhere")) {
            keytool("-exportcert", "-alias", name, "-keystore", path(name + ".p12"), "-storepass", PASSWORD, "-file",
                    path(name + ".cer"));
            keytool("-importcert", "-noprompt", "-alias", name, "-file", path(name + ".cer"), "-storetype", "PKCS12",
                    "-keystore", path("trust.p12"), "-storepass", PASSWORD);
        }
        // Before the JVM's default SSL context exists: nothing else in this module's tests speaks TLS.
        System.setProperty("javax.net.ssl.trustStore", path("trust.p12"));
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    @Test
    void aBatchArrivesOverTlsAndIsConfirmedByTheReceiversClose() throws Exception {
        try (SSLServerSocket server = receiver("receiver.p12")) {
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> readAll(server));
            String leaf = "<110>1 - - signal-audit - leaf - {\"leafIndex\":0,\"x\":\"é\"}";
            String checkpoint = "<110>1 - - signal-audit - checkpoint - {\"treeSize\":1}";
            new SyslogTransport(new SyslogDestination("127.0.0.1", server.getLocalPort(), true)).deliver(List.of(
                    leaf.getBytes(StandardCharsets.UTF_8), checkpoint.getBytes(StandardCharsets.UTF_8)));
            assertThat(received.get(30, TimeUnit.SECONDS)).as("octet counts are of UTF-8 bytes, not characters")
                    .isEqualTo("57 " + leaf + "53 " + checkpoint);
        }
    }

    @Test
    void aReceiverWhoseCertificateNamesAnotherHostIsRefused() throws Exception {
        try (SSLServerSocket server = receiver("elsewhere.p12")) {
            CompletableFuture.runAsync(() -> {
                try {
                    readAll(server);
                } catch (RuntimeException expected) {
                    // the client hangs up during the handshake
                }
            });
            assertThatThrownBy(() -> new SyslogTransport(new SyslogDestination("127.0.0.1", server.getLocalPort(), true))
                    .deliver(List.of("<110>1 - - signal-audit - leaf - {}".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    private static SSLServerSocket receiver(String keystore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(DIRECTORY.resolve(keystore))) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress());
    }

    /** Everything the client sends, up to its close_notify; then this side closes, as rsyslog does. */
    private static String readAll(SSLServerSocket server) {
        try (SSLSocket client = (SSLSocket) server.accept()) {
            return new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keytool(String... arguments) throws Exception {
        var command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("keytool %s: %s", arguments[0], output).isZero();
    }

    private static String path(String file) {
        return DIRECTORY.resolve(file).toString();
    }
}
