package syntop.collectors.os.linux;

import java.nio.charset.StandardCharsets;

import syntop.collectors.model.Reading;
import syntop.collectors.parse.Numbers;
import syntop.collectors.parse.Parsed;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.SourceText;

/**
 * Kernel settings read from {@code /proc/sys}: each part is one file, its path names the key
 * ({@code /proc/sys/net/ipv4/tcp_syncookies} → {@code net.ipv4.tcp_syncookies}).
 */
public final class ProcSysParser {
    private static final String PREFIX = "/proc/sys/";

    private ProcSysParser() {
    }

    public static String keyOf(String path) {
        int at = path.indexOf(PREFIX);
        String rel = at >= 0 ? path.substring(at + PREFIX.length()) : path.substring(path.lastIndexOf('/') + 1);
        return rel.replace('/', '.');
    }

    public static String pathOf(String key) {
        return PREFIX + key.replace('.', '/');
    }

    public static Parsed<Reading> parse(SourceText text) {
        Parsed.Collector c = new Parsed.Collector();
        Reading.Builder r = Reading.builder();
        for (RawPart p : text.parts()) {
            String value = new String(p.data(), StandardCharsets.UTF_8).strip();
            if (value.isEmpty() || value.indexOf('\n') >= 0 || value.chars().anyMatch(ch -> ch < 0x20 && ch != '\t')) {
                c.unparsed(p.name() + ": " + value);
                continue;
            }
            String key = keyOf(p.name());
            // multi-valued files such as ip_local_port_range separate values with tabs
            String normalised = String.join(" ", Numbers.fields(value));
            r.tunable(key, normalised);
            c.understood();
        }
        return c.result(r.build());
    }
}
