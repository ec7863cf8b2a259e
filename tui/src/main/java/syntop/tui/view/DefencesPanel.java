package syntop.tui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import syntop.collectors.detect.PortBudget;
import syntop.collectors.history.Rate;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.text.Printable;
import syntop.themes.Role;
import syntop.widgets.Align;
import syntop.widgets.Canvas;
import syntop.widgets.Region;
import syntop.widgets.Sparkline;
import syntop.widgets.Texts;

/**
 * SYN defences and what they are doing: syncookies, SYN queue drops, syncache, SYNPROXY, pf state
 * table and synproxy; value, rate per second and a sparkline of the rate. Only counters this
 * machine has are listed; sources that could not be read say why, one line each.
 */
public final class DefencesPanel {
    private static final List<CounterId> SHOWN = List.of(
            CounterId.SYNCOOKIES_SENT, CounterId.SYNCOOKIES_RECEIVED, CounterId.SYNCOOKIES_FAILED,
            CounterId.SYN_QUEUE_FULL_DROPS, CounterId.SYN_QUEUE_FULL_COOKIES, CounterId.LISTEN_DROPS,
            CounterId.LISTEN_OVERFLOWS, CounterId.EMBRYONIC_DROPPED, CounterId.SYNCACHE_ENTRIES,
            CounterId.SYNCACHE_ADDED, CounterId.SYNCACHE_OVERFLOWS, CounterId.SYNCACHE_BUCKET_OVERFLOWS,
            CounterId.SYNPROXY_SYN_RECEIVED, CounterId.SYNPROXY_COOKIE_VALID, CounterId.SYNPROXY_COOKIE_INVALID,
            CounterId.PF_STATES, CounterId.PF_MEMORY_DROPS, CounterId.PF_SYNPROXY, CounterId.PF_SYNFLOODS_DETECTED,
            CounterId.PF_SYNCOOKIES_SENT, CounterId.PF_SYNCOOKIES_VALIDATED, CounterId.RESETS_SENT,
            CounterId.SEGMENTS_RETRANSMITTED);
    private static final List<String> COOKIE_SETTINGS = List.of("net.ipv4.tcp_syncookies", "net.inet.tcp.syncookies");

    private DefencesPanel() {
    }

    /**
     * Draws every row that fits; when some do not, the last row says how many are hidden
     * ({@code +4 more}) instead of dropping them silently.
     */
    public static void draw(Canvas c, Region r, JudgedTick f) {
        Snapshot s = f.snapshot();
        List<Consumer<Region>> rows = new ArrayList<>();
        String ell = c.glyphs().ellipsis();
        for (String key : COOKIE_SETTINGS) {
            if (s.tunable(key).isPresent()) {
                String text = "syncookies " + cookieMode(key, s.tunable(key).get()) + "  (" + key + " = " + s.tunable(key).get() + ")";
                rows.add(line -> c.text(line, line.x(), line.y(), Texts.ellipsize(text, line.width(), ell), Role.INFO));
            }
        }
        // how fast new outbound connections may go to one destination before TIME_WAIT uses up the ports
        PortBudget.of(f.history()).ifPresent(budget -> rows.add(line -> c.text(line, line.x(), line.y(),
                Texts.ellipsize(budget.line(), line.width(), ell), Role.INFO)));
        for (CounterId id : SHOWN) {
            OptionalLong v = s.counters().get(id);
            if (v.isPresent()) {
                rows.add(line -> counter(c, line, f, id, v.getAsLong()));
            }
        }
        for (String why : unavailable(s)) {
            rows.add(line -> c.text(line, line.x(), line.y(), Texts.ellipsize(why, line.width(), ell), Role.DIM));
        }
        if (rows.isEmpty()) {
            c.text(r, r.x(), r.y(), "no SYN-defence counters on this machine", Role.DIM);
            return;
        }
        int shown = rows.size() <= r.height() ? rows.size() : Math.max(0, r.height() - 1);
        for (int i = 0; i < shown; i++) {
            rows.get(i).accept(r.row(i));
        }
        if (shown < rows.size() && r.height() > 0) {
            Region last = r.row(r.height() - 1);
            c.text(last, last.x(), last.y(), Texts.ellipsize("+" + (rows.size() - shown) + " more", last.width(), ell), Role.DIM);
        }
    }

    /**
     * The names {@code syntop explain} knows for the rows {@link #draw} shows, in its order: the
     * syncookies setting, the port budget's inputs (the ephemeral port range, the active opens
     * counter and TIME_WAIT) when {@code portBudget}, then every counter this machine has.
     */
    public static List<String> knowledgeNames(Snapshot s, boolean portBudget) {
        List<String> out = new ArrayList<>();
        for (String key : COOKIE_SETTINGS) {
            if (s.tunable(key).isPresent()) {
                out.add(key);
            }
        }
        if (portBudget) {
            out.addAll(s.host().os() == OsFamily.LINUX
                    ? List.of("net.ipv4.ip_local_port_range", CounterId.ACTIVE_OPENS.label(), "time_wait")
                    : List.of("net.inet.ip.portrange.first", "net.inet.ip.portrange.last", CounterId.ACTIVE_OPENS.label(),
                            "time_wait"));
        }
        for (CounterId id : SHOWN) {
            if (s.counters().get(id).isPresent()) {
                out.add(id.label());
            }
        }
        return out;
    }

    private static void counter(Canvas c, Region line, JudgedTick f, CounterId id, long value) {
        Snapshot s = f.snapshot();
        Rate rate = f.history().rate(id);
        boolean rising = id.kind() == CounterId.Kind.COUNTER && rate.known() && rate.perSecond() > 0
                && !risesWithEveryConnection(s, id);
        c.text(line, line.x(), line.y(), Texts.fit(id.label().replace('_', ' '), 24, Align.LEFT, "…"), Role.LABEL);
        c.text(line, line.x() + 24, line.y(), Texts.pad(valueText(s, id, value), 12, Align.RIGHT),
                rising ? Role.WARN : Role.VALUE);
        String perSecond = id.kind() == CounterId.Kind.COUNTER ? Format.rate(rate.known() ? rate.perSecond() : Double.NaN, false) + "/s" : "";
        c.text(line, line.x() + 36, line.y(), Texts.pad(perSecond, 9, Align.RIGHT), rising ? Role.WARN : Role.DIM);
        Region spark = line.withoutLeft(46);
        if (!spark.isEmpty()) {
            Sparkline.of(f.history().rateSeries(id, spark.width())).draw(c, spark);
        }
    }

    /**
     * FreeBSD's syncache (syncookies=1) enters every SYN and puts a cookie in every SYN-ACK
     * (sys/netinet/tcp_syncache.c, syncache_add and syncookie_generate): these two counters rise with
     * every new connection, so rising is not a warning there.
     */
    private static boolean risesWithEveryConnection(Snapshot s, CounterId id) {
        return s.host().os() == OsFamily.FREEBSD && (id == CounterId.SYNCOOKIES_SENT || id == CounterId.SYNCACHE_ADDED);
    }

    private static String cookieMode(String key, String v) {
        if (key.equals("net.inet.tcp.syncookies")) {
            return v.strip().equals("0") ? "off" : "in every SYN-ACK, used when the syncache cannot hold a SYN";
        }
        switch (v.strip()) {
            case "0": return "off";
            case "1": return "on when the SYN queue overflows";
            case "2": return "always";
            default: return v;
        }
    }

    private static String valueText(Snapshot s, CounterId id, long v) {
        CounterId limit = id == CounterId.PF_STATES ? CounterId.PF_STATE_LIMIT
                : id == CounterId.SYNCACHE_ENTRIES ? CounterId.SYNCACHE_LIMIT : null;
        if (limit != null && s.counters().get(limit).isPresent()) {
            return Format.count(v) + "/" + Format.count(s.counters().get(limit).getAsLong());
        }
        return Format.count(v);
    }

    /** One line per source that could not be read this tick, with the reason. */
    static List<String> unavailable(Snapshot s) {
        List<String> out = new ArrayList<>();
        for (SourceStatus st : s.sources().values()) {
            if (st.health() != SourceHealth.OK && st.health() != SourceHealth.STALE) {
                out.add(Printable.of(st.id()) + ": " + st.health().label().replace('_', ' ')
                        + (st.detail().isEmpty() ? "" : " — " + Printable.of(st.detail())));
            }
        }
        return out;
    }
}
