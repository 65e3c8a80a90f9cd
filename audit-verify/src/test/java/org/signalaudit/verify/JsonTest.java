package org.signalaudit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsWhatJsonWritersWrite() {
        Object value = Json.parse(" {\"a\":\"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\",\"b\":[1,-2,3.5e1,true,false,null],"
                + "\"c\":{}} ");

        assertThat(value).isEqualTo(Map.of("a", "x\"\\/\b\f\n\r\t\u00e9\ud83d\ude00", "b",
                List.of(1L, -2L, 35.0, true, false, Json.NULL), "c", Map.of()));
    }

    @Test
    void refusesWhatIsNotJsonOrIsAmbiguous() {
        for (String text : List.of("{\"a\":1,\"a\":2}", "{\"a\":1", "[1,]", "\"a\nb\"", "01", "{a:1}", "1 2", "",
                "\"\\x\"", "99999999999999999999")) {
            assertThatThrownBy(() -> Json.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
