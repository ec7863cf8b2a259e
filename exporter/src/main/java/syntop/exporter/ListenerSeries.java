package syntop.exporter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import syntop.collectors.model.ListenQueue;

/**
 * Turns a snapshot's listening sockets into a bounded set of metric series, labelled by local
 * address and port only.
 *
 * <ul>
 * <li>A wildcard address is spelled by family: {@code 0.0.0.0} (tcp4), {@code ::} (tcp6), {@code *}
 *     (dual-stack tcp46 or unknown), so BSD's two {@code *.22} sockets stay two series. IPv6
 *     addresses lose their brackets.</li>
 * <li>Sockets that share address and port (SO_REUSEPORT groups) become one series: accept queues
 *     and limits are added, the SYN queue is the largest of theirs (on Linux every one of them
 *     carries the count of SYN_RECV sockets on the port).</li>
 * <li>At most {@code max} series are kept, fullest first (the fuller of accept and SYN queue
 *     relative to the limit, then the longer queues, then port and address); the rest are summed
 *     into one series with {@code address="other", port="other"}, so a host with thousands of
 *     listeners cannot flood Prometheus.</li>
 * </ul>
 */
public final class ListenerSeries {
    /** The address and port labels of the series that holds every listener beyond the cap. */
    public static final String OTHER = "other";

    private ListenerSeries() {
    }

    /** One series: labels and the queue values (absent where the OS does not tell). */
    public record Row(String address, String port, long acceptQueue, OptionalLong synQueue, OptionalLong limit) {
        double fill() {
            if (limit.isEmpty() || limit.getAsLong() <= 0) {
                return 0;
            }
            long syn = synQueue.orElse(0);
            return (double) Math.max(acceptQueue, syn) / limit.getAsLong();
        }

        long queued() {
            return acceptQueue + synQueue.orElse(0);
        }
    }

    private static final Comparator<Row> FULLEST_FIRST = Comparator.comparingDouble(Row::fill).reversed()
            .thenComparing(Comparator.comparingLong(Row::queued).reversed())
            .thenComparing(r -> Integer.parseInt(r.port()))
            .thenComparing(Row::address);

    /** The series for these listeners, at most {@code max} of them plus one "other" series when some were folded. */
    public static List<Row> of(List<ListenQueue> listeners, int max) {
        Map<String, Row> merged = new LinkedHashMap<>();
        for (ListenQueue q : listeners) {
            String address = address(q.protocol(), q.localAddress());
            String port = Integer.toString(q.port());
            Row row = new Row(address, port, q.acceptQueue(), q.synQueue(), q.limit());
            merged.merge(address + " " + port, row, ListenerSeries::merge);
        }
        List<Row> rows = new ArrayList<>(merged.values());
        rows.sort(FULLEST_FIRST);
        if (rows.size() <= max) {
            return rows;
        }
        List<Row> kept = new ArrayList<>(rows.subList(0, Math.max(0, max)));
        long accept = 0;
        long syn = 0;
        long limit = 0;
        boolean anySyn = false;
        boolean anyLimit = false;
        for (Row r : rows.subList(Math.max(0, max), rows.size())) {
            accept += r.acceptQueue();
            if (r.synQueue().isPresent()) {
                syn += r.synQueue().getAsLong();
                anySyn = true;
            }
            if (r.limit().isPresent()) {
                limit += r.limit().getAsLong();
                anyLimit = true;
            }
        }
        kept.add(new Row(OTHER, OTHER, accept, anySyn ? OptionalLong.of(syn) : OptionalLong.empty(),
                anyLimit ? OptionalLong.of(limit) : OptionalLong.empty()));
        return kept;
    }

    private static Row merge(Row a, Row b) {
        OptionalLong syn = a.synQueue().isPresent() && b.synQueue().isPresent()
                ? OptionalLong.of(Math.max(a.synQueue().getAsLong(), b.synQueue().getAsLong()))
                : a.synQueue().isPresent() ? a.synQueue() : b.synQueue();
        OptionalLong limit = a.limit().isPresent() && b.limit().isPresent()
                ? OptionalLong.of(a.limit().getAsLong() + b.limit().getAsLong())
                : a.limit().isPresent() ? a.limit() : b.limit();
        return new Row(a.address(), a.port(), a.acceptQueue() + b.acceptQueue(), syn, limit);
    }

    /** The address label: wildcards spelled by family, IPv6 without brackets. */
    static String address(String protocol, String local) {
        String a = local.startsWith("[") && local.endsWith("]") ? local.substring(1, local.length() - 1) : local;
        if (a.equals("*")) {
            if (protocol.equals("tcp4")) {
                return "0.0.0.0";
            }
            if (protocol.equals("tcp6")) {
                return "::";
            }
            return "*";
        }
        return a.isEmpty() ? "*" : a;
    }
}
