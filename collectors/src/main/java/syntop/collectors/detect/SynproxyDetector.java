package syntop.collectors.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

import syntop.collectors.history.History;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;

/**
 * A SYN proxy that is on but does not help, judged on the samples taken after it went on (the
 * first two left out, while the half-open entries from before it time out):
 * <ul>
 * <li><b>refilled</b>: SYN_RCVD on a proxied port stays at half its limit or more in every one of
 * the last samples, and new SYNs are seen arriving at it: its count rises in the window, or, with
 * its queue at its limit, the listeners' SYN drops or cookies go on. SYNs still reach the server's
 * queue (the proxy's rules do not match them, or another path bypasses it). A count that merely
 * stays is not enough: the half-open entries from before the proxy live on until their SYN-ACK
 * retries run out (about a minute on Linux's defaults), and a working proxy adds none;</li>
 * <li><b>half-works</b>: the proxy answers SYNs in every one of the last samples, but no connection
 * completes through it: SYNPROXY's {@code cookie_valid} stays at zero (Linux), and ESTABLISHED does
 * not rise. This is what operators saw with pf's synproxy on macOS: clients stuck, the site
 * unreachable. A flood with no real client trying looks the same, and the evidence says so.</li>
 * </ul>
 * The proxied ports (and since when) come from syntop's state; the detector keeps nothing itself.
 */
public final class SynproxyDetector implements Detector {
    /** Samples after the proxy went on that are not judged: the half-open entries from before still time out. */
    static final int SETTLE_SAMPLES = 2;
    /** At least this many samples in a row, whatever the thresholds say: one quiet second is no verdict. */
    static final int MIN_WINDOW = 3;

    private final SortedMap<Integer, Instant> ports;

    public SynproxyDetector(Map<Integer, Instant> ports) {
        this.ports = new TreeMap<>(ports);
    }

    @Override
    public List<Verdict> detect(History history, Thresholds t) {
        if (ports.isEmpty()) {
            return List.of();
        }
        int k = Math.max(MIN_WINDOW, t.sustainSamples());
        List<Verdict> out = new ArrayList<>();
        List<Snapshot> recent = history.recent();
        Instant since = ports.values().stream().max(Instant::compareTo).orElseThrow();
        List<Snapshot> after = recent.stream().filter(s -> !s.at().isBefore(since)).toList();
        if (after.size() < SETTLE_SAMPLES + k) {
            return List.of();
        }
        List<Snapshot> window = after.subList(after.size() - k, after.size());
        double[] arriving = Signals.max(history.rateSeries(CounterId.LISTEN_DROPS, k),
                history.rateSeries(CounterId.SYN_QUEUE_FULL_DROPS, k), history.rateSeries(CounterId.SYN_QUEUE_FULL_COOKIES, k),
                history.rateSeries(CounterId.SYNCOOKIES_SENT, k));
        for (Map.Entry<Integer, Instant> e : ports.entrySet()) {
            refilled(e.getKey(), window, t, Signals.window(arriving, k)).ifPresent(out::add);
        }
        if (out.isEmpty()) {
            halfWorks(history, window, k).ifPresent(out::add);
        }
        return out;
    }

    /** {@code turnedAway}: the listeners' SYN drops and cookies per second over the window, host-wide. */
    private static java.util.Optional<Verdict> refilled(int port, List<Snapshot> window, Thresholds t, Signals.Window turnedAway) {
        long[] counts = new long[window.size()];
        long limit = -1;
        for (int i = 0; i < window.size(); i++) {
            OptionalLong n = SynproxyWatch.synRcvd(window.get(i), port);
            if (n.isEmpty()) {
                return java.util.Optional.empty();
            }
            counts[i] = n.getAsLong();
            for (ListenQueue q : window.get(i).listeners()) {
                if (q.port() == port && q.limit().isPresent()) {
                    limit = Math.max(limit, q.limit().getAsLong());
                }
            }
        }
        long high = limit > 0 ? Math.max(1, (limit + 1) / 2) : t.synRcvdHigh();
        boolean rose = false;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < high) {
                return java.util.Optional.empty();
            }
            rose |= i > 0 && counts[i] > counts[i - 1];
        }
        boolean full = limit > 0 && counts[counts.length - 1] >= limit;
        boolean refused = full && turnedAway.complete() && turnedAway.positive() == turnedAway.samples().length;
        if (!rose && !refused) {
            return java.util.Optional.empty(); // entries from before the proxy, timing out
        }
        String series = java.util.Arrays.toString(counts);
        return java.util.Optional.of(new Verdict(Verdict.Kind.SYNPROXY_NOT_HELPING, Verdict.Severity.CRITICAL, OptionalInt.of(port),
                "SYN proxy on :" + port + " is not keeping SYNs from the server: SYN_RCVD stays at " + counts[counts.length - 1]
                        + (limit > 0 ? "/" + limit : "") + "; take it off with syntop synproxy off " + port + " (key P)",
                "SYN_RCVD on :" + port + " over the last " + counts.length + " samples " + series + ", at least " + high
                        + " in each, while the proxy is on; "
                        + (rose ? "new half-open entries arrive" : "its queue is full and the listeners still turn SYNs away ("
                        + Signals.rate(turnedAway.mean()) + "/s dropped or answered with cookies, all listeners)")));
    }

    private java.util.Optional<Verdict> halfWorks(History h, List<Snapshot> window, int k) {
        double[] linux = h.rateSeries(CounterId.SYNPROXY_SYN_RECEIVED, k);
        double[] pf = h.rateSeries(CounterId.PF_SYNPROXY, k);
        double[] answered = Signals.max(linux, pf);
        Signals.Window a = Signals.window(answered, k);
        if (!a.complete() || a.positive() < k) {
            return java.util.Optional.empty();
        }
        double[] valid = h.rateSeries(CounterId.SYNPROXY_COOKIE_VALID, k);
        Signals.Window v = Signals.window(valid, k);
        if (v.complete() && v.positive() > 0) {
            return java.util.Optional.empty();
        }
        if (window.get(0).states().isEmpty() || window.get(window.size() - 1).states().isEmpty()) {
            return java.util.Optional.empty();
        }
        long estFirst = window.get(0).states().get(TcpState.ESTABLISHED);
        long estLast = window.get(window.size() - 1).states().get(TcpState.ESTABLISHED);
        if (estLast > estFirst) {
            return java.util.Optional.empty();
        }
        int port = ports.firstKey();
        String where = ports.size() == 1 ? ":" + port : "ports " + String.join(",", ports.keySet().stream().map(String::valueOf).toList());
        List<String> ev = new ArrayList<>();
        ev.add(Signals.rate(a.mean()) + " SYNs/s answered by the proxy in each of the last " + k + " samples");
        ev.add(v.complete() ? "no valid cookie returned (cookie_valid 0/s)" : "no cookie counter on this OS");
        ev.add("ESTABLISHED " + estFirst + " -> " + estLast);
        SynproxyWatch.synRcvd(window.get(window.size() - 1), port).ifPresent(n -> ev.add("SYN_RCVD on :" + port + " " + n));
        ev.add("a flood with no real client trying looks the same; if real clients cannot connect, the proxy is the cause");
        return java.util.Optional.of(new Verdict(Verdict.Kind.SYNPROXY_NOT_HELPING, Verdict.Severity.WARNING, OptionalInt.of(port),
                "SYN proxy on " + where + " answers SYNs but no connection completes through it; take it off with "
                        + "syntop synproxy off" + (ports.size() == 1 ? " " + port : " --all") + " (key P)",
                String.join(", ", ev)));
    }
}
