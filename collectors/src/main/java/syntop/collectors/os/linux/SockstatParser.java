package syntop.collectors.os.linux;

import java.util.List;
import java.util.OptionalLong;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Numbers;
import syntop.collectors.parse.Parsed;

/**
 * {@code /proc/net/sockstat}: {@code TCP: inuse 4 orphan 0 tw 4 alloc 17 mem 1}. O(1) to read at any
 * table size. Inside a network namespace {@code inuse} and {@code tw} are per namespace while
 * {@code orphan}, {@code alloc} and {@code mem} are global.
 */
public final class SockstatParser {
    private SockstatParser() {
    }

    public static Parsed<Reading> parse(List<String> lines) {
        return Parsed.eachLine(lines, Reading.builder(), SockstatParser::line, Reading.Builder::build);
    }

    private static void line(String line, Reading.Builder r, Parsed.Collector c) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            c.unparsed(line);
            return;
        }
        String proto = line.substring(0, colon).trim();
        String[] f = Numbers.fields(line.substring(colon + 1));
        String bad = f.length == 0 || f.length % 2 != 0 || !isWord(proto) ? "" : null;
        for (int i = 0; i + 1 < f.length && bad == null; i += 2) {
            if (!isWord(f[i])) {
                bad = "";
            } else if (Numbers.parseCount(f[i + 1]).isEmpty()) {
                bad = " (" + f[i] + " " + f[i + 1] + ": " + Numbers.notACount(f[i + 1]) + ")";
            }
        }
        if (bad != null) {
            c.unparsed(line + bad);
            return;
        }
        for (int i = 0; i < f.length; i += 2) {
            OptionalLong v = Numbers.parseCount(f[i + 1]);
            r.raw(rawName(proto, f[i]), v.getAsLong());
            if (proto.equals("TCP")) {
                switch (f[i]) {
                    case "inuse": r.counter(CounterId.SOCKETS_IN_USE, v.getAsLong()); break;
                    case "orphan": r.counter(CounterId.SOCKETS_ORPHANED, v.getAsLong()); break;
                    case "tw": r.counter(CounterId.SOCKETS_TIME_WAIT, v.getAsLong()); break;
                    default: break;
                }
            }
        }
        c.understood();
    }

    /** {@code TCP}, {@code UDPLITE}, {@code inuse}, {@code tw}: letters, digits and '_', starting with a letter. */
    private static boolean isWord(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        return s.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_');
    }

    /** The raw counter name of one sockstat field, e.g. {@code sockstat.TCP.alloc}. */
    static String rawName(String protocol, String field) {
        return "sockstat." + protocol + "." + field;
    }
}
