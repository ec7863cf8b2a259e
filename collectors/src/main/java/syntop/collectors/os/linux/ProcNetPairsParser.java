package syntop.collectors.os.linux;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Numbers;
import syntop.collectors.parse.Parsed;

/**
 * {@code /proc/net/snmp} and {@code /proc/net/netstat}: header/value line pairs ({@code Tcp: name…}
 * then {@code Tcp: value…}) whose field sets differ by kernel, so names are always paired with values.
 * Raw counters are kept under nstat's names ({@code TcpExtSyncookiesSent}); the ones syntop reasons
 * about are also mapped to normalised ids.
 */
public final class ProcNetPairsParser {
    private static final Map<String, CounterId> NORMALISED = Map.ofEntries(
            Map.entry("TcpActiveOpens", CounterId.ACTIVE_OPENS),
            Map.entry("TcpPassiveOpens", CounterId.PASSIVE_OPENS),
            Map.entry("TcpAttemptFails", CounterId.ATTEMPT_FAILS),
            Map.entry("TcpEstabResets", CounterId.ESTAB_RESETS),
            Map.entry("TcpOutRsts", CounterId.RESETS_SENT),
            Map.entry("TcpInSegs", CounterId.SEGMENTS_RECEIVED),
            Map.entry("TcpOutSegs", CounterId.SEGMENTS_SENT),
            Map.entry("TcpRetransSegs", CounterId.SEGMENTS_RETRANSMITTED),
            Map.entry("TcpExtListenOverflows", CounterId.LISTEN_OVERFLOWS),
            Map.entry("TcpExtListenDrops", CounterId.LISTEN_DROPS),
            Map.entry("TcpExtTCPReqQFullDrop", CounterId.SYN_QUEUE_FULL_DROPS),
            Map.entry("TcpExtTCPReqQFullDoCookies", CounterId.SYN_QUEUE_FULL_COOKIES),
            Map.entry("TcpExtSyncookiesSent", CounterId.SYNCOOKIES_SENT),
            Map.entry("TcpExtSyncookiesRecv", CounterId.SYNCOOKIES_RECEIVED),
            Map.entry("TcpExtSyncookiesFailed", CounterId.SYNCOOKIES_FAILED),
            Map.entry("TcpExtEmbryonicRsts", CounterId.EMBRYONIC_RESETS),
            Map.entry("TcpExtTCPTimeWaitOverflow", CounterId.TIME_WAIT_OVERFLOWS));

    private ProcNetPairsParser() {
    }

    public static Parsed<Reading> parse(List<String> lines) {
        Parsed.Collector c = new Parsed.Collector();
        Reading.Builder r = Reading.builder();
        String headerLine = null;
        String[] header = null;
        String headerPrefix = null;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String prefix = colon <= 0 ? "" : line.substring(0, colon);
            String[] fields = prefix.isEmpty() ? new String[0] : Numbers.fields(line.substring(colon + 1));
            if (!isName(prefix) || fields.length == 0) {
                // not "Tcp: …": another command's text (ss, netstat) has blanks or addresses before its first colon
                unpaired(c, headerLine);
                headerLine = null;
                header = null;
                c.unparsed(line);
                continue;
            }
            if (header == null || !prefix.equals(headerPrefix)) {
                unpaired(c, headerLine);
                headerLine = line;
                header = fields;
                headerPrefix = prefix;
                continue;
            }
            if (fields.length != header.length || !allNames(header) || !allNumbers(fields)) {
                if (fields.length != header.length) {
                    c.note(prefix + ": " + header.length + " names but " + fields.length + " values");
                }
                c.unparsed(headerLine);
                c.unparsed(line);
                header = null;
                headerLine = null;
                continue;
            }
            c.understood(2);
            for (int i = 0; i < fields.length; i++) {
                String name = prefix + header[i];
                OptionalLong v = value(name, fields[i]);
                if (v.isEmpty()) {
                    c.unparsed(prefix + ": " + header[i] + " " + fields[i] + " (" + Numbers.notACount(fields[i]) + ")");
                    continue;
                }
                r.raw(name, v.getAsLong());
                CounterId id = NORMALISED.get(name);
                if (id != null) {
                    r.counter(id, v.getAsLong());
                }
            }
            header = null;
            headerLine = null;
        }
        if (headerLine != null) {
            c.unparsed(headerLine + " (names without a value line)");
        }
        return c.result(r.build());
    }

    /**
     * Every value is an unsigned counter or setting, except {@code Tcp: MaxConn}, which RFC 2012
     * (tcpMaxConn) sets to -1 where the maximum is dynamic; the kernel prints it signed.
     */
    private static OptionalLong value(String name, String text) {
        if (name.equals("TcpMaxConn") && text.equals("-1")) {
            return OptionalLong.of(-1);
        }
        return Numbers.parseCount(text);
    }

    private static void unpaired(Parsed.Collector c, String headerLine) {
        if (headerLine != null) {
            c.unparsed(headerLine + " (names without a value line)");
        }
    }

    /** A section or counter name as the kernel prints it: letters and digits (and '_' in a few counters). */
    private static boolean isName(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(Character.isLetterOrDigit(ch) || ch == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean allNames(String[] fields) {
        for (String f : fields) {
            if (!isName(f)) {
                return false;
            }
        }
        return true;
    }

    /** Value lines hold only integers (a value out of range is then reported by itself). */
    private static boolean allNumbers(String[] fields) {
        for (String f : fields) {
            if (Numbers.notACount(f).equals("not a number")) {
                return false;
            }
        }
        return true;
    }
}
