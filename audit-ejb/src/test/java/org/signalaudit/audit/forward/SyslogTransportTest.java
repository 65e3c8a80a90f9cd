package org.signalaudit.audit.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.signalaudit.audit.entity.AuditTable;
import org.signalaudit.audit.seal.LeafData;
import org.signalaudit.audit.seal.TreeStore;
import org.signalaudit.proof.MerkleHash;

/** The wire format and the confirmed delivery, against a TCP receiver written here from RFC 6587. */
class SyslogTransportTest {

    private static final List<Object> ROW = Arrays.asList("ann", "admin", "ACTIVE", "LOCKED",
            Instant.parse("2026-11-30T10:15:30.123456Z"), "10.0.0.1", "HTTP_API", "LOCK", "café \"quoted\"\nline", null);

    @Test
    void messagesArriveOctetCountedInOrderAndTheReceiversCloseConfirmsThem() throws Exception {
        TreeStore.Leaf leaf = new TreeStore.Leaf(7, AuditTable.STATE, 42,
                MerkleHash.leaf(LeafData.of(AuditTable.STATE, 42, ROW)));
        TreeStore.StoredCheckpoint checkpoint = new TreeStore.StoredCheckpoint(8, new byte[32],
                OffsetDateTime.of(2026, 11, 30, 10, 15, 31, 0, ZoneOffset.UTC), null, "abcd1234", "origin\n8\nroot\n\n— sig\n");
        SyslogFormat format = new SyslogFormat("host name");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> received = CompletableFuture.supplyAsync(() -> receive(server));
            new SyslogTransport(new SyslogDestination("127.0.0.1", server.getLocalPort(), false)).deliver(List.of(
                    format.message(new LogEntry.Row(leaf, ROW)), format.message(new LogEntry.Checkpoint(checkpoint))));
            List<String> messages = received.get();

            assertThat(messages).hasSize(2);
            assertThat(messages.get(0)).startsWith("<110>1 2026-11-30T10:15:30.123456Z host_name signal-audit - leaf - {");
            JsonObject row = json(messages.get(0));
            assertThat(row.getJsonNumber("leafIndex").longValue()).isEqualTo(7);
            assertThat(row.getString("table")).isEqualTo("state");
            assertThat(row.getJsonNumber("id").longValue()).isEqualTo(42);
            List<Object> fields = new ArrayList<>();
            AuditTable.STATE.columns().forEach(column -> fields.add(row.getJsonObject("row").isNull(column.name()) ? null
                    : row.getJsonObject("row").getString(column.name())));
            assertThat(fields).as("the fields in the leaf's order, as strings").containsExactly("ann", "admin", "ACTIVE",
                    "LOCKED", "2026-11-30T10:15:30.123456Z", "10.0.0.1", "HTTP_API", "LOCK", "café \"quoted\"\nline", null);
            List<Object> values = new ArrayList<>(fields);
            values.set(4, Instant.parse((String) fields.get(4))); // the one instant column, as the database gives it
            assertThat(HexFormat.of().formatHex(MerkleHash.leaf(LeafData.of(AuditTable.STATE, 42, values))))
                    .as("the message alone gives the leaf hash").isEqualTo(row.getString("leafHash"));

            assertThat(messages.get(1)).startsWith("<110>1 2026-11-30T10:15:31Z host_name signal-audit - checkpoint - {");
            JsonObject signed = json(messages.get(1));
            assertThat(signed.getJsonNumber("treeSize").longValue()).isEqualTo(8);
            assertThat(signed.getString("note")).isEqualTo(checkpoint.note());
        }
    }

    @Test
    void aReceiverThatIsDownIsAFailureNotASilentLoss() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        assertThatThrownBy(() -> new SyslogTransport(new SyslogDestination("127.0.0.1", port, false))
                .deliver(List.of("<110>1 - - signal-audit - leaf - {}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aReceiverThatClosesWithoutReadingIsAFailure() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> rude = CompletableFuture.runAsync(() -> {
                try (Socket client = server.accept()) {
                    client.setSoLinger(true, 0); // a reset, as a receiver killed mid-read leaves
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] big = new byte[4 * 1024 * 1024];
            Arrays.fill(big, (byte) 'x');
            assertThatThrownBy(() -> new SyslogTransport(new SyslogDestination("127.0.0.1", server.getLocalPort(), false))
                    .deliver(List.of(big))).isInstanceOf(IOException.class);
            rude.get();
        }
    }

    private static JsonObject json(String message) {
        return Json.createReader(new StringReader(message.substring(message.indexOf(" - {") + 3))).readObject();
    }

    /** Reads octet-counted frames ({@code length SP message}) to the end of stream, then closes. */
    private static List<String> receive(ServerSocket server) {
        try (Socket client = server.accept(); DataInputStream in = new DataInputStream(client.getInputStream())) {
            List<String> messages = new ArrayList<>();
            while (true) {
                ByteArrayOutputStream length = new ByteArrayOutputStream();
                int c = in.read();
                if (c == -1) {
                    return messages;
                }
                while (c != ' ') {
                    length.write(c);
                    c = in.read();
                    if (c == -1) {
                        throw new EOFException("stream ended inside a frame's length");
                    }
                }
                byte[] message = new byte[Integer.parseInt(length.toString(StandardCharsets.US_ASCII))];
                in.readFully(message);
                messages.add(new String(message, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
