package syntop.collectors.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonCodecTest {
    @Test
    void whatTheWriterWritesTheReaderReadsBack() {
        for (boolean pretty : new boolean[] {false, true}) {
            JsonWriter w = new JsonWriter(pretty);
            w.beginObject().field("name", "a \"b\"\n").field("n", 7).field("x", 2.5).field("ok", true);
            w.name("none").nullValue();
            w.name("empty").beginObject().endObject();
            w.name("list").beginArray().value(1).beginArray().endArray().beginObject().field("k", "v").endObject().endArray();
            w.endObject();
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("name", "a \"b\"\n");
            m.put("n", 7L);
            m.put("x", 2.5);
            m.put("ok", true);
            m.put("none", null);
            m.put("empty", Map.of());
            m.put("list", List.of(1L, List.of(), Map.of("k", "v")));
            assertEquals(m, JsonReader.parse(w.toString()), w.toString());
        }
    }

    @Test
    void aBrokenObjectOrArraySaysWhatWasExpected() {
        for (String[] c : new String[][] {
            {"{\"a\": 1 \"b\": 2}", "expected ',' or '}'"},
            {"[1 2]", "expected ',' or ']'"},
            {"{1: 2}", "expected a name"},
            {"{\"a\" 1}", "expected ':'"},
            {"[1,", "unexpected end"},
        }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), Arrays.toString(c) + ": " + e.getMessage());
        }
    }
}
