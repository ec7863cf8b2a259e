package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static syntop.collectors.detect.Verdicts.contains;
import static syntop.collectors.detect.Verdicts.says;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.TcpState;

/** The SYN proxy verdict on synthetic histories: a proxy that works, one that half-works, one that is bypassed. */
class SynproxyDetectorTest {
    /** The proxy went on at the 11th second of the history (after 10 quiet ticks). */
    private static final Map<Integer, Instant> ON_8080 = Map.of(8080, Ticks.T0.plusSeconds(10));

    private static List<Verdict> judge(Ticks h) {
        return new SynproxyDetector(ON_8080).detect(h.history(), Thresholds.defaults());
    }

    private static Ticks proxied() {
        return Ticks.linux().tunable("net.ipv4.tcp_syncookies", "0")
                .run(10, t -> t.state(TcpState.ESTABLISHED, 20).listener(8080, 0, 16, 16)
                        .inc(CounterId.SYNPROXY_SYN_RECEIVED, 0).inc(CounterId.SYNPROXY_COOKIE_VALID, 0));
    }

    @Test
    void aProxyThatLetsClientsInGivesNoVerdict() {
        long[] est = {20};
        Ticks h = proxied().run(8, t -> t.state(TcpState.ESTABLISHED, est[0] += 5).listener(8080, 0, 0, 16)
                .inc(CounterId.SYNPROXY_SYN_RECEIVED, 900).inc(CounterId.SYNPROXY_COOKIE_VALID, 5));
        assertEquals(List.of(), judge(h));
    }

    @Test
    void synsProxiedWhileNoConnectionCompletesIsTheHalfWorksCase() {
        Ticks h = proxied().run(8, t -> t.state(TcpState.ESTABLISHED, 20).listener(8080, 0, 0, 16)
                .inc(CounterId.SYNPROXY_SYN_RECEIVED, 900).inc(CounterId.SYNPROXY_COOKIE_VALID, 0));
        List<Verdict> vs = judge(h);
        assertEquals(1, vs.size(), vs.toString());
        Verdict v = vs.get(0);
        assertEquals(Verdict.Kind.SYNPROXY_NOT_HELPING, v.kind());
        assertEquals(Verdict.Severity.WARNING, v.severity());
        says(v, 8080, "SYN proxy on :8080 answers SYNs but no connection completes through it; take it off with "
                + "syntop synproxy off 8080 (key P)");
        contains(v, "900 SYNs/s answered by the proxy in each of the last 5 samples", "cookie_valid 0/s",
                "ESTABLISHED 20 -> 20", "a flood with no real client trying looks the same");
    }

    @Test
    void pfsCounterWithNoCookieCounterJudgesOnEstablishedAlone() {
        Map<Integer, Instant> on = Map.of(80, Ticks.T0.plusSeconds(5));
        Ticks h = Ticks.macos().run(5, t -> t.state(TcpState.ESTABLISHED, 3).bsdListener(80, 0, 0, 128)
                .inc(CounterId.PF_SYNPROXY, 0));
        h.run(8, t -> t.state(TcpState.ESTABLISHED, 3).state(TcpState.SYN_RCVD, 40).bsdListener(80, 0, 40, 128)
                .inc(CounterId.PF_SYNPROXY, 300));
        List<Verdict> vs = new SynproxyDetector(on).detect(h.history(), Thresholds.defaults());
        assertEquals(1, vs.size(), vs.toString());
        contains(vs.get(0), "300 SYNs/s answered", "no cookie counter on this OS", "SYN_RCVD on :80 40");
    }

    @Test
    void aQueueStillRefilledWhileTheProxyIsOnIsCritical() {
        // full, and the listener still drops SYNs: they reach it past the proxy
        Ticks h = proxied().run(8, t -> t.state(TcpState.ESTABLISHED, 20).listener(8080, 0, 16, 16)
                .inc(CounterId.SYNPROXY_SYN_RECEIVED, 0).inc(CounterId.SYNPROXY_COOKIE_VALID, 0)
                .inc(CounterId.LISTEN_DROPS, 500).inc(CounterId.SYN_QUEUE_FULL_DROPS, 500));
        Verdict v = judge(h).get(0);
        assertEquals(Verdict.Severity.CRITICAL, v.severity());
        assertTrue(v.summary().startsWith("SYN proxy on :8080 is not keeping SYNs from the server: SYN_RCVD stays at 16/16"),
                v.summary());
        contains(v, "[16, 16, 16, 16, 16]", "at least 8 in each", "its queue is full and the listeners still turn SYNs away "
                + "(500/s dropped or answered with cookies, all listeners)");
    }

    @Test
    void halfOpenEntriesFromBeforeTheProxyThatStayAreNoVerdict() {
        // a working proxy: the entries from before wait for their SYN-ACK retries to run out, no new one comes
        long[] est = {20};
        Ticks h = proxied().run(8, t -> t.state(TcpState.ESTABLISHED, est[0] += 5).listener(8080, 0, 16, 16)
                .inc(CounterId.SYNPROXY_SYN_RECEIVED, 900).inc(CounterId.SYNPROXY_COOKIE_VALID, 5));
        assertEquals(List.of(), judge(h));
    }

    @Test
    void aCountThatRisesWhileTheProxyIsOnIsRefilled() {
        long[] half = {8};
        Ticks h = proxied().run(8, t -> t.state(TcpState.ESTABLISHED, 20).listener(8080, 0, half[0] = Math.min(16, half[0] + 1), 16)
                .inc(CounterId.SYNPROXY_COOKIE_VALID, 0));
        Verdict v = judge(h).get(0);
        assertEquals(Verdict.Kind.SYNPROXY_NOT_HELPING, v.kind());
        contains(v, "new half-open entries arrive");
    }

    @Test
    void theFirstSamplesAfterItWentOnAreNotJudged() {
        // the half-open entries from before the proxy still time out: two samples, then a window of five
        Ticks h = proxied().run(6, t -> t.state(TcpState.ESTABLISHED, 20).listener(8080, 0, 16, 16)
                .inc(CounterId.SYNPROXY_SYN_RECEIVED, 900));
        assertEquals(List.of(), judge(h));
        h.run(1, t -> t.state(TcpState.ESTABLISHED, 20).listener(8080, 0, 16, 16).inc(CounterId.SYNPROXY_SYN_RECEIVED, 900));
        assertEquals(1, judge(h).size());
    }

    @Test
    void noProxiedPortNoVerdict() {
        Ticks h = proxied().run(8, t -> t.listener(8080, 0, 16, 16).inc(CounterId.SYNPROXY_SYN_RECEIVED, 900));
        assertEquals(List.of(), new SynproxyDetector(Map.of()).detect(h.history(), Thresholds.defaults()));
    }

    @Test
    void theSynFloodVerdictSuggestsTheProxyWhenCookiesAreOffAndTheQueueFull() {
        Ticks h = Ticks.linux().tunable("net.ipv4.tcp_syncookies", "0").quiet(10).run(5, t -> t.state(TcpState.SYN_RCVD, 129)
                .listener(8080, 0, 129, 128).inc(CounterId.LISTEN_DROPS, 1871).inc(CounterId.SYN_QUEUE_FULL_DROPS, 1871));
        Verdict v = Verdicts.only(h.verdicts(), Verdict.Kind.SYN_FLOOD);
        assertTrue(v.summary().endsWith("(SYN cookies off); a SYN proxy would answer them: syntop synproxy on 8080 (key P)"),
                v.summary());
        Ticks cookies = Ticks.linux().quiet(10).run(5, t -> t.state(TcpState.SYN_RCVD, 129).listener(8080, 0, 129, 128)
                .inc(CounterId.SYNCOOKIES_SENT, 400).inc(CounterId.SYN_QUEUE_FULL_COOKIES, 400));
        assertTrue(!Verdicts.only(cookies.verdicts(), Verdict.Kind.SYN_FLOOD).summary().contains("synproxy"));
    }
}
