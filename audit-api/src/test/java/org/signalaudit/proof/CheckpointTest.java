package org.signalaudit.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {

    private static final byte[] ROOT = HexFormat.of()
            .parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    private static final String ROOT_BASE64 = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=";

    @Test
    void theBodyIsTheC2spLayout() {
        assertThat(new Checkpoint("audit.example.org/log", 8, ROOT, List.of()).body())
                .isEqualTo("audit.example.org/log\n8\n" + ROOT_BASE64 + "\n");
        assertThat(new Checkpoint("audit.example.org/log", 8, ROOT, List.of("time 1764514800", "x y")).body())
                .isEqualTo("audit.example.org/log\n8\n" + ROOT_BASE64 + "\ntime 1764514800\nx y\n");
    }

    @Test
    void parseReadsWhatBodyWrote() {
        for (Checkpoint checkpoint : List.of(
                new Checkpoint("audit.example.org/log", 0, MerkleHash.emptyRoot(), List.of()),
                new Checkpoint("o", Long.MAX_VALUE, ROOT, List.of("one", "two \u2014 three")))) {
            assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
        }
        Checkpoint parsed = Checkpoint.parse("origin\n42\n" + ROOT_BASE64 + "\n");
        assertThat(parsed.origin()).isEqualTo("origin");
        assertThat(parsed.size()).isEqualTo(42);
        assertThat(parsed.rootHash()).isEqualTo(ROOT);
        assertThat(parsed.extensions()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "origin\n8\n" + ROOT_BASE64,
            "origin\n8\n",
            "\n8\n" + ROOT_BASE64 + "\n",
            "origin\n08\n" + ROOT_BASE64 + "\n",
            "origin\n-8\n" + ROOT_BASE64 + "\n",
            "origin\n+8\n" + ROOT_BASE64 + "\n",
            "origin\n8 \n" + ROOT_BASE64 + "\n",
            "origin\neight\n" + ROOT_BASE64 + "\n",
            "origin\n9223372036854775808\n" + ROOT_BASE64 + "\n",
            "origin\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg\n",
            "origin\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz-Nw7_RgQyg=\n",
            "origin\n8\nAAAA\n",
            "origin\n8\n" + ROOT_BASE64 + "\n\n",
            "origin\n8\n" + ROOT_BASE64 + "\next\n\n",
            "origin\n8\n" + ROOT_BASE64 + "\nbad\tline\n",
            "ori\rgin\n8\n" + ROOT_BASE64 + "\n"})
    void malformedBodiesAreRefused(String body) {
        assertThatThrownBy(() -> Checkpoint.parse(body)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpoint");
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertThatThrownBy(() -> Checkpoint.parse("origin\n08\n" + ROOT_BASE64 + "\n"))
                .hasMessage("checkpoint tree size is not a decimal without leading zeros: '08'");
        assertThatThrownBy(() -> Checkpoint.parse("origin\n8\nAAAA\n"))
                .hasMessage("checkpoint root hash is not the padded base64 of 32 bytes: 'AAAA'");
        assertThatThrownBy(() -> new Checkpoint("two\nlines", 1, ROOT, List.of()))
                .hasMessageContaining("control character");
    }
}
