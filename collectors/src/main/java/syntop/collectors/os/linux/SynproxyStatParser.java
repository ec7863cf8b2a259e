package syntop.collectors.os.linux;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Numbers;
import syntop.collectors.parse.Parsed;

/**
 * {@code /proc/net/stat/synproxy}: a header of column names, then one row of hexadecimal values per
 * CPU, summed here. The file exists only when the netfilter SYNPROXY target is loaded.
 */
public final class SynproxyStatParser {
    private static final Map<String, CounterId> NORMALISED = Map.of(
            "syn_received", CounterId.SYNPROXY_SYN_RECEIVED,
            "cookie_invalid", CounterId.SYNPROXY_COOKIE_INVALID,
            "cookie_valid", CounterId.SYNPROXY_COOKIE_VALID,
            "cookie_retrans", CounterId.SYNPROXY_COOKIE_RETRANS,
            "conn_reopened", CounterId.SYNPROXY_CONN_REOPENED);

    private SynproxyStatParser() {
    }

    public static Parsed<Reading> parse(List<String> lines) {
        Parsed.Collector c = new Parsed.Collector();
        String[] header = null;
        long[] sums = null;
        int cpus = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = Numbers.fields(line);
            if (header == null) {
                if (Numbers.parseHex(f[0]).isPresent()) {
                    c.unparsed(line);
                    continue;
                }
                header = f;
                sums = new long[f.length];
                c.understood();
                continue;
            }
            if (f.length != header.length) {
                c.unparsed(line);
                continue;
            }
            long[] row = new long[f.length];
            boolean ok = true;
            for (int i = 0; i < f.length && ok; i++) {
                OptionalLong v = Numbers.parseHex(f[i]);
                ok = v.isPresent() && v.getAsLong() >= 0; // 16 hex digits may exceed 2^63-1
                row[i] = v.orElse(0);
            }
            if (!ok) {
                c.unparsed(line);
                continue;
            }
            for (int i = 0; i < row.length; i++) {
                sums[i] += row[i];
            }
            cpus++;
            c.understood();
        }
        Reading.Builder r = Reading.builder();
        if (header != null && cpus > 0) {
            for (int i = 0; i < header.length; i++) {
                r.raw("synproxy." + header[i], sums[i]);
                CounterId id = NORMALISED.get(header[i]);
                if (id != null) {
                    r.counter(id, sums[i]);
                }
            }
            return c.result(r.build());
        }
        // a header alone (or nothing) is not a reading: report what was there as not understood
        Parsed.Collector none = new Parsed.Collector();
        none.unparsed(header == null ? "(no header line)" : String.join(" ", header) + " (no per-CPU rows)");
        return none.result(r.build());
    }
}
