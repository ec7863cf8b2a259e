package syntop.collectors.os.bsd;

import java.util.List;
import java.util.OptionalLong;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Numbers;
import syntop.collectors.parse.Parsed;

/**
 * {@code pfctl -sm} (and the {@code LIMITS:} section of {@code pfctl -s all}): one pool per line,
 * {@code states        hard limit    10000} or {@code frags         unlimited}. FreeBSD prints states,
 * src-nodes, frags and table-entries; OpenBSD and macOS add others (tables…), so every line is read.
 * The limits are settings: they go to the tunables as {@code pfctl.limit.<pool>}; the state table's
 * limit is also {@link CounterId#PF_STATE_LIMIT}, the denominator of the state table's fill.
 */
public final class PfctlMemoryParser {
    private PfctlMemoryParser() {
    }

    public static Parsed<Reading> parse(List<String> lines) {
        return Parsed.eachLine(lines, Reading.builder(), PfctlMemoryParser::line, Reading.Builder::build);
    }

    private static void line(String line, Reading.Builder r, Parsed.Collector c) {
        String[] f = Numbers.fields(line);
        if (f.length == 1 && f[0].equals("LIMITS:")) {
            c.understood();
        } else if (f.length == 4 && f[1].equals("hard") && f[2].equals("limit")) {
            OptionalLong v = Numbers.parseCount(f[3]);
            if (v.isEmpty()) {
                c.unparsed(line + " (" + Numbers.notACount(f[3]) + ")");
                return;
            }
            r.tunable("pfctl.limit." + f[0], f[3]);
            if (f[0].equals("states")) {
                r.counter(CounterId.PF_STATE_LIMIT, v.getAsLong());
            }
            c.understood();
        } else if (f.length == 2 && f[1].equals("unlimited")) {
            r.tunable("pfctl.limit." + f[0], "unlimited");
            c.understood();
        } else {
            c.unparsed(line);
        }
    }
}
