package syntop.collectors.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import syntop.collectors.detect.Signals.CookieSetting;
import syntop.collectors.detect.Signals.Window;
import syntop.collectors.history.History;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;

/**
 * The SYN side of the host now: how full the half-open queues are and how fast SYNs are lost or
 * answered with cookies. The SYN flood and the small-backlog detectors share this one reading, so
 * a listener is never called both.
 */
final class SynPressure {
    /** What the SYN side amounts to. */
    enum Diagnosis { NONE, FLOOD, SMALL_BACKLOG }

    static final String LINUX_MAX_SYN_BACKLOG = "net.ipv4.tcp_max_syn_backlog";

    /** A listener with its effective half-open cap. */
    record Queue(ListenQueue listener, long halfOpen, long cap, String capNote) {
        double fill() {
            return cap <= 0 ? 0 : (double) halfOpen / cap;
        }
    }

    final Snapshot latest;
    /** The listener in the worst SYN trouble: among those near their limit the one with most half-open, else the fullest. */
    final Optional<Queue> worst;
    final boolean statesKnown;
    final long synRcvd;
    final OptionalLong syncacheEntries;
    final OptionalLong syncacheLimit;
    /** SYNs lost per second: the larger of TCPReqQFullDrop, ListenDrops − ListenOverflows, embryonic drops, and syncache overflows when cookies are off. */
    final Window lost;
    /**
     * SYN cookies per second that say a SYN queue could not hold the SYNs (kernel or pf); on FreeBSD
     * only the SYNs answered by a cookie alone ({@link #freeBsdCookiesAlone}).
     */
    final Window cookies;
    /** BSD syncache overflows per second while cookies are on or unknown (cookies then answer instead). */
    final Window cacheOverflows;
    /** Lost SYNs, cookies and syncache overflows together. */
    final Window combined;
    /**
     * SYNs dropped or answered with a cookie because a SYN queue was full ({@code TCPReqQFullDrop},
     * {@code TCPReqQFullDoCookies}), BSD syncache overflows and the SYNs FreeBSD answers by cookie
     * alone (its syncache holding no more): the kernel counts them only while a queue is full, so
     * sustained, they say "full" even when a sample of the queue reads below it.
     */
    final Window fullQueueCounts;
    /** {@link #fullQueueCounts} sustained at {@code syn.drops.rate}. */
    final boolean countersSayFull;
    final CookieSetting cookieSetting;
    final boolean listenerHigh;
    final boolean totalHigh;
    final boolean cacheHigh;
    final Diagnosis diagnosis;

    private SynPressure(Snapshot latest, History h, Thresholds t) {
        this.latest = latest;
        int n = t.sustainSamples();
        this.cookieSetting = Signals.cookieSetting(latest);
        this.statesKnown = !latest.states().isEmpty();
        this.synRcvd = latest.states().get(TcpState.SYN_RCVD);
        this.syncacheEntries = Signals.gauge(latest, CounterId.SYNCACHE_ENTRIES);
        this.syncacheLimit = Signals.gauge(latest, CounterId.SYNCACHE_LIMIT);

        double[] listenSide = Signals.minus(h.rateSeries(CounterId.LISTEN_DROPS, n),
                h.rateSeries(CounterId.LISTEN_OVERFLOWS, n));
        double[] cacheOver = Signals.sum(h.rateSeries(CounterId.SYNCACHE_OVERFLOWS, n),
                h.rateSeries(CounterId.SYNCACHE_BUCKET_OVERFLOWS, n));
        boolean cookiesOff = cookieSetting == CookieSetting.OFF;
        this.lost = Signals.window(h, t, Signals.max(h.rateSeries(CounterId.SYN_QUEUE_FULL_DROPS, n), listenSide,
                h.rateSeries(CounterId.EMBRYONIC_DROPPED, n), cookiesOff ? cacheOver : new double[0]));
        double[] kernelCookies = latest.host().os() == OsFamily.FREEBSD ? freeBsdCookiesAlone(h, latest, n)
                : h.rateSeries(CounterId.SYNCOOKIES_SENT, n);
        this.cookies = Signals.window(h, t, Signals.max(kernelCookies,
                h.rateSeries(CounterId.SYN_QUEUE_FULL_COOKIES, n), h.rateSeries(CounterId.PF_SYNCOOKIES_SENT, n)));
        this.cacheOverflows = Signals.window(h, t, cookiesOff ? new double[0] : cacheOver);
        this.combined = Signals.window(h, t, Signals.sum(lost.samples(), cookies.samples(), cacheOverflows.samples()));
        this.fullQueueCounts = Signals.window(h, t, Signals.max(h.rateSeries(CounterId.SYN_QUEUE_FULL_DROPS, n),
                h.rateSeries(CounterId.SYN_QUEUE_FULL_COOKIES, n), cacheOver,
                latest.host().os() == OsFamily.FREEBSD ? kernelCookies : new double[0]));

        this.worst = worstQueue(latest, t);
        this.listenerHigh = worst.isPresent() && worst.get().halfOpen() > 0 && worst.get().fill() >= t.synQueueFull();
        this.totalHigh = statesKnown && synRcvd >= t.synRcvdHigh();
        this.cacheHigh = syncacheEntries.isPresent() && syncacheLimit.isPresent() && syncacheLimit.getAsLong() > 0
                && (double) syncacheEntries.getAsLong() / syncacheLimit.getAsLong() >= t.synQueueFull();
        this.countersSayFull = fullQueueCounts.sustained(t.synDropRate());
        this.diagnosis = diagnose(t);
    }

    /** The SYN side of the latest snapshot, or empty when there is no snapshot yet. */
    static Optional<SynPressure> of(History h, Thresholds t) {
        return h.latest().map(s -> new SynPressure(s, h, t));
    }

    private Diagnosis diagnose(Thresholds t) {
        boolean high = listenerHigh || totalHigh || cacheHigh || countersSayFull;
        boolean pressure = lost.sustained(t.synDropRate()) || cookies.sustained(t.synCookieRate())
                || cacheOverflows.sustained(t.synDropRate());
        if (listenerHigh && !totalHigh && !cacheHigh && worst.get().listener().limit().getAsLong() <= t.smallBacklog()) {
            if (combined.mostlyPositive() && combined.mean() < t.modestSynRate()) {
                return Diagnosis.SMALL_BACKLOG;
            }
            if (!combined.complete() && !(combined.mean() >= t.modestSynRate())) {
                // a small backlog under modest traffic or a flood: only the whole window tells them apart
                return Diagnosis.NONE;
            }
        }
        return high && pressure ? Diagnosis.FLOOD : Diagnosis.NONE;
    }

    private static Optional<Queue> worstQueue(Snapshot s, Thresholds t) {
        List<Queue> queues = new ArrayList<>();
        for (ListenQueue q : s.listeners()) {
            if (q.synQueue().isEmpty() || q.limit().isEmpty() || q.limit().getAsLong() <= 0) {
                continue;
            }
            queues.add(effective(s, q));
        }
        Queue best = null;
        for (Queue q : queues) {
            if (best == null || worse(q, best, t)) {
                best = q;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Near-full beats not near-full; among near-full ones more half-open wins; otherwise the fuller one. */
    private static boolean worse(Queue a, Queue b, Thresholds t) {
        boolean aNear = a.halfOpen() > 0 && a.fill() >= t.synQueueFull();
        boolean bNear = b.halfOpen() > 0 && b.fill() >= t.synQueueFull();
        if (aNear != bNear) {
            return aNear;
        }
        if (aNear) {
            return a.halfOpen() > b.halfOpen();
        }
        return a.fill() > b.fill() || (a.fill() == b.fill() && a.halfOpen() > b.halfOpen());
    }

    /**
     * The half-open cap of a listener. Linux holds limit + 1 half-open connections per listener; with
     * cookies off it also stops at 3/4 of {@code tcp_max_syn_backlog} (measured: backlog 4096 with the
     * default 2048 stopped at 1537), so the smaller of the two is the cap.
     */
    private static Queue effective(Snapshot s, ListenQueue q) {
        long limit = q.limit().getAsLong();
        long halfOpen = q.synQueue().getAsLong();
        if (s.host().os() == OsFamily.LINUX && Signals.cookieSetting(s) == CookieSetting.OFF) {
            OptionalLong msb = Signals.tunableLong(s, LINUX_MAX_SYN_BACKLOG);
            if (msb.isPresent() && msb.getAsLong() > 0) {
                long second = msb.getAsLong() - (msb.getAsLong() >> 2);
                if (second < limit) {
                    return new Queue(q, halfOpen, second, "capped near " + second + " = 3/4 of tcp_max_syn_backlog "
                            + msb.getAsLong() + " while cookies are off");
                }
            }
        }
        return new Queue(q, halfOpen, limit, "");
    }

    /** "129 half-open on :8080 (limit 128)", with the second cap when it applies. */
    static String describe(Queue q) {
        String cap = q.capNote().isEmpty() ? "" : "; " + q.capNote();
        return q.halfOpen() + " half-open on :" + q.listener().port() + " (limit " + q.listener().limit().getAsLong()
                + cap + ")";
    }

    /**
     * Per sample, the SYNs FreeBSD answered with a cookie and no syncache entry: "cookies sent" minus
     * "syncache entries added". With {@code net.inet.tcp.syncookies=1} {@code syncache_add} puts a
     * cookie in every SYN-ACK ({@code syncookie_generate} counts {@code tcps_sc_sendcookie}), so cookies
     * sent rises with every connection. Only when the syncache stops storing entries, for the pause
     * after a bucket overflow ({@code syncache_pause}) or when its zone is exhausted, is a cookie sent
     * with no entry added (sys/netinet/tcp_syncache.c). Empty, so it counts for nothing, when entries
     * added was not read or when {@code syncookies_only} answers every SYN that way.
     */
    static double[] freeBsdCookiesAlone(History h, Snapshot s, int n) {
        if (Signals.cookieSetting(s) == CookieSetting.ALWAYS || s.counters().get(CounterId.SYNCACHE_ADDED).isEmpty()) {
            return new double[0];
        }
        double[] sent = h.rateSeries(CounterId.SYNCOOKIES_SENT, n);
        double[] added = h.rateSeries(CounterId.SYNCACHE_ADDED, n);
        double[] alone = Signals.minus(sent, added);
        for (int i = 0; i < alone.length; i++) {
            int j = i - (sent.length - added.length);
            if (j < 0 || Double.isNaN(added[j])) {
                alone[i] = Double.NaN;
            }
        }
        return alone;
    }

    /** "cookies off", "cookies sent 400/s (tcp_syncookies=1)", "cookies on, none sent", … */
    String cookieText() {
        String tunable = Signals.cookieTunable(latest);
        String paren = tunable.isEmpty() ? "" : " (" + tunable + ")";
        if (latest.host().os() == OsFamily.FREEBSD && (cookieSetting == CookieSetting.ON || cookieSetting == CookieSetting.ALWAYS)) {
            return freeBsdCookieText(paren);
        }
        if (cookies.judgeable() && cookies.mean() > 0) {
            return "cookies sent " + Signals.rate(cookies.mean()) + "/s" + paren;
        }
        switch (cookieSetting) {
            case OFF:
                return "cookies off" + paren;
            case ON:
            case ALWAYS:
                return "cookies on, none sent" + paren;
            default:
                return "cookie setting unknown";
        }
    }

    /** FreeBSD sends a cookie in every SYN-ACK: say how many SYNs it answered by cookie alone. */
    private String freeBsdCookieText(String paren) {
        if (cookieSetting == CookieSetting.ALWAYS) {
            return "cookies only, no syncache (syncookies_only=1)";
        }
        if (cookies.judgeable() && cookies.mean() > 0) {
            return Signals.rate(cookies.mean()) + " SYNs/s answered by cookie alone, without a syncache entry" + paren;
        }
        if (!cookies.judgeable() || latest.counters().get(CounterId.SYNCACHE_ADDED).isEmpty()) {
            return "cookies in every SYN-ACK" + paren + "; how many SYNs the syncache did not hold is unknown";
        }
        return "cookies in every SYN-ACK" + paren + ", every SYN entered in the syncache";
    }

    /** "SYN_RCVD 300 in all" when the host total says more than the named queue, "from 2 peers (top 10.0.0.1: 129)". */
    List<String> hostEvidence() {
        List<String> out = new ArrayList<>();
        if (statesKnown && (worst.isEmpty() || synRcvd != worst.get().halfOpen())) {
            out.add("SYN_RCVD " + synRcvd + " in all");
        }
        if (syncacheEntries.isPresent() && syncacheLimit.isPresent()) {
            out.add("syncache " + syncacheEntries.getAsLong() + " of " + syncacheLimit.getAsLong());
        }
        var remotes = latest.remotes(TcpState.SYN_RCVD);
        if (!remotes.isEmpty()) {
            var top = remotes.get(0);
            out.add("from " + remotes.size() + (remotes.size() == 1 ? " peer" : " peers listed") + " (top "
                    + top.address() + ": " + top.count() + ")");
        }
        return out;
    }
}
