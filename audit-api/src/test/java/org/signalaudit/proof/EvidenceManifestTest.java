package org.signalaudit.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class EvidenceManifestTest {

    private final EvidenceManifest manifest = new EvidenceManifest("audit.example.test/log", "state",
            List.of(new EvidenceManifest.Filter("username", "a b\n&=\u00e9"), new EvidenceManifest.Filter("from",
                    "2026-01-01T00:00:00Z")), Instant.parse("2026-11-30T18:00:00.123456Z"), 1042, MerkleHash.emptyRoot(),
            12, 2, MerkleHash.leaf(new byte[0]));

    @Test
    void theBodyIsTextThatParsesBackAndIsNoCheckpoint() {
        String body = manifest.body();

        assertThat(body).startsWith("signal-audit evidence pack v1\norigin audit.example.test/log\ntable state\n"
                + "filter username=a+b%0A%26%3D%C3%A9\nfilter from=2026-01-01T00%3A00%3A00Z\ncreated 2026-11-30T18:00:00.123456Z\n"
                + "checkpoint 1042 ").contains("\nrows 12\nunsealed 2\nrows-sha256 ");
        assertThat(body.chars()).allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f));
        assertThat(EvidenceManifest.parse(body)).isEqualTo(manifest);
        assertThat(EvidenceManifest.parse(body).filters().get(0).value()).isEqualTo("a b\n&=\u00e9");
        assertThatThrownBy(() -> Checkpoint.parse(body)).hasMessageContaining("tree size");
    }

    @Test
    void anythingElseIsRefused() {
        String body = manifest.body();
        for (String other : List.of(body.replace("rows 12", "rows 012"), body.replace("v1", "v2"),
                body.replace("table state\n", ""), body + "extra\n", body.substring(0, body.length() - 1),
                body.replace("checkpoint 1042 ", "checkpoint 1042  "))) {
            assertThatThrownBy(() -> EvidenceManifest.parse(other)).as(other).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
