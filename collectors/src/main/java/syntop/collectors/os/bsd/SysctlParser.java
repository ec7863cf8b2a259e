package syntop.collectors.os.bsd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Numbers;
import syntop.collectors.parse.Parsed;

/**
 * {@code sysctl key…} on FreeBSD and macOS: {@code key: value} lines (old macOS nodes print
 * {@code key = value}). Values may be empty ({@code net.inet.tcp.fastopen_key:}), hold blanks, or run
 * over several lines (FreeBSD's {@code net.inet.tcp.functions_available} prints a table and a blank
 * line): a line that does not start with a dotted key continues the value above it. Every key goes to
 * the tunables; the syncache size and limit are also gauges.
 *
 * <p>{@code sysctl} prints unknown keys on stderr and goes on (the exit status may be 1), so the
 * parser is told which keys were asked for and says in a note which of them were not printed.
 */
public final class SysctlParser {
    private static final Map<String, CounterId> GAUGES = Map.of(
            "net.inet.tcp.syncache.count", CounterId.SYNCACHE_ENTRIES,
            "net.inet.tcp.syncache.cachelimit", CounterId.SYNCACHE_LIMIT);

    private SysctlParser() {
    }

    public static Parsed<Reading> parse(List<String> lines) {
        return parse(lines, List.of());
    }

    /**
     * @param requested the keys or subtrees that were asked for; those printing nothing are named in a note
     */
    public static Parsed<Reading> parse(List<String> lines, List<String> requested) {
        Parsed.Collector c = new Parsed.Collector();
        Reading.Builder r = Reading.builder();
        Map<String, StringBuilder> values = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : lines) {
            if (line.isBlank()) {
                current = null; // a multi-line value ends with a blank line
                continue;
            }
            int keyEnd = keyEnd(line);
            if (keyEnd > 0) {
                String key = line.substring(0, keyEnd);
                String rest = line.substring(keyEnd);
                String value = rest.startsWith(" =") ? rest.substring(2) : rest.substring(1);
                current = new StringBuilder(value.strip());
                values.put(key, current);
                c.understood();
            } else if (current != null) {
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(line.stripTrailing());
                c.understood();
            } else {
                c.unparsed(line);
            }
        }
        values.forEach((key, value) -> {
            String v = value.toString();
            r.tunable(key, v);
            CounterId id = GAUGES.get(key);
            if (id != null) {
                OptionalLong n = Numbers.parseCount(v);
                if (n.isPresent()) {
                    r.counter(id, n.getAsLong());
                } else {
                    c.unparsed(key + ": " + v + " (" + Numbers.notACount(v) + ")");
                }
            }
        });
        List<String> missing = new ArrayList<>();
        for (String want : requested) {
            boolean found = values.containsKey(want) || values.keySet().stream().anyMatch(k -> k.startsWith(want + "."));
            if (!found) {
                missing.add(want);
            }
        }
        if (!missing.isEmpty() && !values.isEmpty()) {
            c.note("asked for but not printed (unknown keys go to stderr): " + String.join(", ", missing));
        }
        return c.result(r.build());
    }

    /**
     * Where a {@code key: } or {@code key = } prefix ends (the index of the separator), or -1. A key is
     * dotted ({@code net.inet.tcp.msl}) and made of letters, digits, {@code _}, {@code -} and {@code %}.
     */
    private static int keyEnd(String line) {
        int i = 0;
        boolean dot = false;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (ch == '.') {
                if (i == 0 || line.charAt(i - 1) == '.') {
                    return -1;
                }
                dot = true;
            } else if (!(Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == '%')) {
                break;
            }
            i++;
        }
        if (!dot || i == 0 || line.charAt(i - 1) == '.' || !Character.isLetter(line.charAt(0))) {
            return -1;
        }
        if (line.startsWith(":", i) && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
            return i;
        }
        if (line.startsWith(" = ", i) || (line.startsWith(" =", i) && i + 2 == line.length())) {
            return i;
        }
        return -1;
    }
}
