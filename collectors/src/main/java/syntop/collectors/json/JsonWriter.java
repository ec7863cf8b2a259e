package syntop.collectors.json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import syntop.collectors.text.Printable;

/**
 * A small streaming JSON writer (syntop needs JSON out, and its dependency list stays short).
 * Pretty-prints with two-space indents; keeps commas and nesting right.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private final Deque<boolean[]> firstInScope = new ArrayDeque<>();
    private final boolean pretty;
    private boolean afterName;

    public JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    public JsonWriter beginObject() {
        return begin('{');
    }

    public JsonWriter endObject() {
        return end('}');
    }

    public JsonWriter beginArray() {
        return begin('[');
    }

    public JsonWriter endArray() {
        return end(']');
    }

    private JsonWriter begin(char open) {
        value();
        out.append(open);
        firstInScope.push(new boolean[] {true});
        return this;
    }

    private JsonWriter end(char close) {
        boolean empty = firstInScope.pop()[0];
        if (!empty) {
            newline();
        }
        out.append(close);
        return this;
    }

    public JsonWriter name(String name) {
        separator();
        string(name);
        out.append(pretty ? ": " : ":");
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        value();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    public JsonWriter value(long v) {
        value();
        out.append(v);
        return this;
    }

    public JsonWriter value(boolean v) {
        value();
        out.append(v);
        return this;
    }

    /** A number; NaN and infinities become null (JSON has no such numbers). */
    public JsonWriter value(double v) {
        value();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            out.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else {
            out.append(String.format(Locale.ROOT, "%.3f", v));
        }
        return this;
    }

    public JsonWriter nullValue() {
        value();
        out.append("null");
        return this;
    }

    public JsonWriter field(String name, String v) {
        return name(name).value(v);
    }

    public JsonWriter field(String name, long v) {
        return name(name).value(v);
    }

    public JsonWriter field(String name, double v) {
        return name(name).value(v);
    }

    public JsonWriter field(String name, boolean v) {
        return name(name).value(v);
    }

    private void value() {
        if (afterName) {
            afterName = false;
            return;
        }
        separator();
    }

    private void separator() {
        if (firstInScope.isEmpty()) {
            return;
        }
        boolean[] first = firstInScope.peek();
        if (!first[0]) {
            out.append(',');
        }
        first[0] = false;
        newline();
    }

    private void newline() {
        if (pretty) {
            out.append('\n');
            out.append("  ".repeat(firstInScope.size()));
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    // RFC 8259 needs only C0 escaped; the rest a terminal could obey is escaped too
                    if (Printable.isUnsafe(c)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
