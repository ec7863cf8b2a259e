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
        String[] header = null;
        String headerPrefix = null;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                c.unparsed(line);
                header = null;
                continue;
            }
            String prefix = line.substring(0, colon);
            String[] fields = Numbers.fields(line.substring(colon + 1));
            if (header == null || !prefix.equals(headerPrefix)) {
                header = fields;
                headerPrefix = prefix;
                continue;
            }
            if (fields.length != header.length) {
                c.unparsed(line);
                c.note(prefix + ": " + header.length + " names but " + fields.length + " values");
                header = null;
                continue;
            }
            boolean any = false;
            for (int i = 0; i < fields.length; i++) {
                OptionalLong v = Numbers.parseLong(fields[i]);
                if (v.isEmpty()) {
                    continue;
                }
                any = true;
                String name = prefix + header[i];
                r.raw(name, v.getAsLong());
                CounterId id = NORMALISED.get(name);
                if (id != null) {
                    r.counter(id, v.getAsLong());
                }
            }
            if (any) {
                c.understood(2);
            } else {
                c.unparsed(line);
            }
            header = null;
        }
        if (header != null) {
            c.unparsed(headerPrefix + ": (names without a value line)");
        }
        return c.result(r.build());
    }
}
