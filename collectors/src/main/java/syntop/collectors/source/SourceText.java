package syntop.collectors.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw text a parser receives: the parts of one {@link RawOutput} (a command's stdout, or the
 * files read). Most parsers want lines; the connection-table parser walks bytes to stay cheap at
 * 500k sockets.
 */
public final class SourceText {
    private final List<RawPart> parts;
    private List<String> lines;

    public SourceText(List<RawPart> parts) {
        this.parts = List.copyOf(parts);
    }

    public static SourceText of(String text) {
        return new SourceText(List.of(RawPart.of("stdout", text)));
    }

    public List<RawPart> parts() {
        return parts;
    }

    /** All parts' lines in order, decoded as UTF-8, without line terminators ({@code \r} dropped too). */
    public List<String> lines() {
        if (lines == null) {
            List<String> out = new ArrayList<>();
            for (RawPart p : parts) {
                String t = new String(p.data(), StandardCharsets.UTF_8);
                int start = 0;
                for (int i = 0; i < t.length(); i++) {
                    if (t.charAt(i) == '\n') {
                        out.add(stripCr(t.substring(start, i)));
                        start = i + 1;
                    }
                }
                if (start < t.length()) {
                    out.add(stripCr(t.substring(start)));
                }
            }
            lines = List.copyOf(out);
        }
        return lines;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    public boolean isBlank() {
        for (RawPart p : parts) {
            for (byte b : p.data()) {
                if (b != ' ' && b != '\n' && b != '\t' && b != '\r') {
                    return false;
                }
            }
        }
        return true;
    }
}
