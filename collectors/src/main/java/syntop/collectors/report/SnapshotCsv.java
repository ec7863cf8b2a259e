package syntop.collectors.report;

import java.util.Map;

import syntop.collectors.history.History;
import syntop.collectors.history.Rate;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.model.TcpState;
import syntop.collectors.text.Printable;

/**
 * The CSV form of {@code syntop once}: one row per value, {@code time,section,name,value,per_second},
 * easy to append from cron and load into a spreadsheet.
 */
public final class SnapshotCsv {
    public static final String HEADER = "time,section,name,value,per_second";

    private SnapshotCsv() {
    }

    public static String snapshot(Snapshot s, History history) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        String t = s.at().toString();
        for (TcpState st : TcpState.values()) {
            row(b, t, "state", st.label(), String.valueOf(s.states().get(st)),
                    history.stateChangePerSecond(st).map(SnapshotCsv::num).orElse(""));
        }
        for (ListenQueue q : s.listeners()) {
            String name = q.protocol() + " " + q.endpoint();
            row(b, t, "accept_queue", name, String.valueOf(q.acceptQueue()), "");
            q.synQueue().ifPresent(v -> row(b, t, "syn_queue", name, String.valueOf(v), ""));
            q.limit().ifPresent(v -> row(b, t, "queue_limit", name, String.valueOf(v), ""));
        }
        for (Map.Entry<CounterId, Long> e : s.counters().normalised().entrySet()) {
            Rate r = history.rate(e.getKey());
            boolean rated = e.getKey().kind() == CounterId.Kind.COUNTER && r.known();
            row(b, t, "counter", e.getKey().label(), String.valueOf(e.getValue()), rated ? num(r.perSecond()) : "");
        }
        for (Map.Entry<String, Long> e : s.counters().raw().entrySet()) {
            row(b, t, "raw", e.getKey(), String.valueOf(e.getValue()), "");
        }
        for (SourceStatus st : s.sources().values()) {
            row(b, t, "source", st.id(), st.health().label(), "");
        }
        return b.toString();
    }

    private static String num(double d) {
        return String.format(java.util.Locale.ROOT, "%.3f", d);
    }

    private static void row(StringBuilder b, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(cells[i]));
        }
        b.append('\n');
    }

    /**
     * RFC 4180 quoting of the cell made {@link Printable}; also defuses cells a spreadsheet would run as
     * a formula.
     */
    static String quote(String cell) {
        String c = Printable.of(cell);
        if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("[-+]?[0-9.]+")) {
            c = "'" + c;
        }
        if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf(' ') >= 0) {
            return '"' + c.replace("\"", "\"\"") + '"';
        }
        return c;
    }
}
