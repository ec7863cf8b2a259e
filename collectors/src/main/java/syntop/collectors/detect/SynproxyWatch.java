package syntop.collectors.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SortedMap;

import syntop.collectors.history.History;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;

/**
 * What a SYN proxy is doing, read from the history: per proxied port the SYN_RCVD count before it
 * went on and now, the SYNs per second the proxy answers (netfilter SYNPROXY {@code syn_received},
 * pf's {@code synproxy} counter) and the connections completed through it (SYNPROXY
 * {@code cookie_valid}, ESTABLISHED). The SYNPROXY and pf counters are the host's, not one port's:
 * with several ports proxied they are their sum, and the lines say so.
 */
public final class SynproxyWatch {
    private SynproxyWatch() {
    }

    /** SYN_RCVD on {@code port} in {@code s}: the SYN queues of its listeners, summed; empty when no listener tells. */
    public static OptionalLong synRcvd(Snapshot s, int port) {
        long sum = 0;
        boolean any = false;
        for (ListenQueue q : s.listeners()) {
            if (q.port() == port && q.synQueue().isPresent()) {
                sum += q.synQueue().getAsLong();
                any = true;
            }
        }
        return any ? OptionalLong.of(sum) : OptionalLong.empty();
    }

    /** The latest known rate of {@code id}, if any. */
    static OptionalDouble rate(History h, CounterId id) {
        double[] r = h.rateSeries(id, 1);
        return r.length == 1 && !Double.isNaN(r[0]) ? OptionalDouble.of(r[0]) : OptionalDouble.empty();
    }

    /**
     * The lines {@code syntop synproxy} and the console show: one per port, then the proxy's counters.
     *
     * @param ports  the proxied ports and since when
     * @param before SYN_RCVD on each port when it went behind the proxy, where known
     */
    public static List<String> lines(History h, SortedMap<Integer, Instant> ports, Map<Integer, Long> before) {
        List<String> out = new ArrayList<>();
        Snapshot now = h.latest().orElse(null);
        for (Map.Entry<Integer, Instant> e : ports.entrySet()) {
            int p = e.getKey();
            String b = before.containsKey(p) ? String.valueOf(before.get(p)) : "not measured";
            String n = now == null ? "no sample" : synRcvd(now, p).stream().mapToObj(String::valueOf).findFirst()
                    .orElse("no listener on the port");
            out.add(":" + p + " behind the proxy since " + e.getValue() + "; SYN_RCVD before " + b + ", now " + n);
        }
        String scope = ports.size() > 1 ? " (all proxied ports together)" : "";
        OptionalDouble syn = rate(h, CounterId.SYNPROXY_SYN_RECEIVED);
        OptionalDouble valid = rate(h, CounterId.SYNPROXY_COOKIE_VALID);
        OptionalDouble pf = rate(h, CounterId.PF_SYNPROXY);
        if (syn.isPresent() || valid.isPresent()) {
            out.add("SYNPROXY: " + shown(syn) + " SYNs/s answered, " + shown(valid) + " connections/s completed (cookie_valid)"
                    + scope);
        }
        if (pf.isPresent()) {
            out.add("pf synproxy: " + shown(pf) + "/s" + scope);
        }
        if (syn.isEmpty() && valid.isEmpty() && pf.isEmpty()) {
            out.add("the proxy's counters are not known yet (they need two samples, and SYNPROXY's /proc/net/stat/synproxy "
                    + "or pfctl -s info)");
        }
        if (now != null && !now.states().isEmpty()) {
            out.add("ESTABLISHED on the host: " + now.states().get(TcpState.ESTABLISHED)
                    + h.stateChangePerSecond(TcpState.ESTABLISHED).map(d -> String.format(java.util.Locale.ROOT, " (%+.0f/s)", d))
                    .orElse(""));
        }
        return out;
    }

    private static String shown(OptionalDouble d) {
        return d.isPresent() ? Signals.rate(d.getAsDouble()) : "?";
    }
}
