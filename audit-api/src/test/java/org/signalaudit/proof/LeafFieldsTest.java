package org.signalaudit.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class LeafFieldsTest {

    private final List<LeafFields.Field> columns = List.of(new LeafFields.Field("username", "caf\u00e9"),
            new LeafFields.Field("reason", null), new LeafFields.Field("empty", ""));

    @Test
    void aRowEncodesAsLengthPrefixedNamesAndValuesAndDecodesBack() {
        byte[] data = LeafFields.of("state", 42, columns);

        ByteBuffer buffer = ByteBuffer.wrap(data);
        assertThat(buffer.getInt()).isEqualTo(7);
        assertThat(new String(data, 4, 7, StandardCharsets.UTF_8)).isEqualTo("version");
        assertThat(LeafFields.row(data)).isEqualTo(new LeafFields.Row("state", 42, columns));
        assertThat(LeafFields.decode(data)).startsWith(new LeafFields.Field("version", LeafFields.VERSION),
                new LeafFields.Field("table", "state"), new LeafFields.Field("id", "42"));
    }

    @Test
    void eachFieldIsItsNameAndValueAsABigEndianLengthAndUtf8Bytes() {
        String beyondTheFirstArray = "x".repeat(700) + "\u00e9";
        List<String> values = Arrays.asList("plain ascii", "caf\u00e9", "emoji \ud83d\ude00", "", null, beyondTheFirstArray, "\u0000\u007f");
        var writer = new LeafFields.Writer();
        var expected = new ByteArrayOutputStream();
        for (String value : values) {
            writer.field("name", value);
            expected.writeBytes(lengthPrefixed("name"));
            expected.writeBytes(lengthPrefixed(value));
        }

        assertThat(writer.bytes()).isEqualTo(expected.toByteArray());
        assertThat(LeafFields.decode(writer.bytes())).extracting(LeafFields.Field::value).containsExactlyElementsOf(values);
    }

    /** The encoding as docs/INTEGRITY.md states it, written the plainest way. */
    private static byte[] lengthPrefixed(String value) {
        if (value == null) {
            return ByteBuffer.allocate(4).putInt(-1).array();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
    }

    @Test
    void truncatedOrForeignDataIsRefusedWithTheReason() {
        byte[] data = LeafFields.of("state", 42, columns);
        byte[] wrongVersion = new LeafFields.Writer().field("version", "v0").field("table", "state").field("id", "1").bytes();
        byte[] badId = new LeafFields.Writer().field("version", LeafFields.VERSION).field("table", "state")
                .field("id", "01").bytes();

        assertThatThrownBy(() -> LeafFields.row(Arrays.copyOf(data, data.length - 1)))
                .hasMessageContaining("ends inside field 6");
        assertThatThrownBy(() -> LeafFields.decode(new byte[] {0, 0, 0, 1, 'a', 0, 0, 0, 9, 'b'}))
                .hasMessageContaining("a field length of 9 with 1 byte(s) left");
        assertThatThrownBy(() -> LeafFields.row(wrongVersion)).hasMessageContaining("version 'v0'");
        assertThatThrownBy(() -> LeafFields.row(badId)).hasMessageContaining("malformed");
        assertThatThrownBy(() -> LeafFields.decode(new byte[] {0, 0, 0, 1, (byte) 0xff, -1, -1, -1, -1}))
                .hasMessageContaining("UTF-8");
    }
}
