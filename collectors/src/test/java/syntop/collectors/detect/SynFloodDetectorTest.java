package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static syntop.collectors.detect.Verdicts.contains;
import static syntop.collectors.detect.Verdicts.none;
import static syntop.collectors.detect.Verdicts.one;
import static syntop.collectors.detect.Verdicts.only;
import static syntop.collectors.detect.Verdicts.quiet;
import static syntop.collectors.detect.Verdicts.says;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.TcpState;

class SynFloodDetectorTest {
    /** The lab's flood on a listener with backlog 128 that never accepts, cookies off. */
    private static void labFlood(Ticks.Tick t) {
        t.state(TcpState.SYN_RCVD, 129).state(TcpState.LISTEN, 2).state(TcpState.ESTABLISHED, 17)
                .listener(8080, 0, 129, 128).remote(TcpState.SYN_RCVD, "10.99.0.1", 129)
                .inc(CounterId.LISTEN_DROPS, 1871).inc(CounterId.SYN_QUEUE_FULL_DROPS, 1871)
                .inc(CounterId.SEGMENTS_RETRANSMITTED, 100);
    }

    @Test
    void aFloodWithCookiesOffIsCriticalAndNamesThePort() {
        Ticks h = Ticks.linux().tunable("net.ipv4.tcp_syncookies", "0").quiet(10).run(5, SynFloodDetectorTest::labFlood);
        Verdict v = only(h.verdicts(), Verdict.Kind.SYN_FLOOD, Verdict.Severity.CRITICAL);
        says(v, 8080, "SYN flood on :8080: SYN queue full, new connections dropped (SYN cookies off); a SYN proxy would "
                + "answer them: syntop synproxy on 8080 (key P)");
        contains(v, "129 half-open on :8080 (limit 128)", "1871 SYN drops/s", "cookies off (tcp_syncookies=0)",
                "from 1 peer (top 10.99.0.1: 129)");
    }

    @Test
    void aFloodAbsorbedByCookiesIsAWarning() {
        Ticks h = Ticks.linux().quiet(10).run(5, t -> t.state(TcpState.SYN_RCVD, 129).listener(8080, 0, 129, 128)
                .inc(CounterId.SYNCOOKIES_SENT, 400).inc(CounterId.SYN_QUEUE_FULL_COOKIES, 400));
        Verdict v = only(h.verdicts(), Verdict.Kind.SYN_FLOOD, Verdict.Severity.WARNING);
        assertEquals("SYN flood on :8080, absorbed by SYN cookies", v.summary());
        contains(v, "cookies sent 400/s (tcp_syncookies=1)");
    }

    @Test
    void theSecondLinuxCapAtThreeQuartersOfMaxSynBacklogCountsAsFull() {
        // measured: backlog 4096 with tcp_max_syn_backlog 2048 stopped at 1537; those drops show only in ListenDrops
        Ticks h = Ticks.linux().tunable("net.ipv4.tcp_syncookies", "0").quiet(10).run(5, t -> t
                .state(TcpState.SYN_RCVD, 1537).listener(443, 0, 1537, 4096).inc(CounterId.LISTEN_DROPS, 900));
        Verdict v = only(h.verdicts(), Verdict.Kind.SYN_FLOOD);
        assertEquals(OptionalInt.of(443), v.port());
        contains(v, "1537 half-open on :443 (limit 4096; capped near 1536 = 3/4 of tcp_max_syn_backlog 2048",
                "900 SYN drops/s");
    }

    @Test
    void theFullestOfSeveralListenersIsNamed() {
        Ticks h = Ticks.linux().quiet(10).run(5, t -> t.state(TcpState.SYN_RCVD, 140).listener(22, 0, 3, 128)
                .listener(8080, 0, 129, 128).listener(9000, 0, 8, 4096).inc(CounterId.SYNCOOKIES_SENT, 300));
        assertEquals(OptionalInt.of(8080), one(h.verdicts(), Verdict.Kind.SYN_FLOOD).port());
    }

    @Test
    void aTimeWaitPileIsNotASynFlood() {
        // a proxy's outbound churn: many TIME_WAIT, no half-open, counters calm
        Ticks h = Ticks.linux().quiet(10).run(10, t -> t.state(TcpState.TIME_WAIT, 25000)
                .state(TcpState.ESTABLISHED, 300).listener(8080, 0, 0, 128).inc(CounterId.ACTIVE_OPENS, 400));
        Verdict v = only(h.verdicts(), Verdict.Kind.TIME_WAIT_PILE_UP);
        contains(v, "not a SYN flood", "SYN_RCVD 0");
    }

    @Test
    void oneCookieAMinuteIsNotAFlood() {
        // netdata's alarm fired on this; even with the queue at its limit a cookie a minute is no attack
        Ticks h = Ticks.linux().quiet(5);
        for (int minute = 0; minute < 3; minute++) {
            h.run(1, t -> t.state(TcpState.SYN_RCVD, 129).listener(8080, 0, 129, 128)
                    .inc(CounterId.SYNCOOKIES_SENT, 1).inc(CounterId.SYN_QUEUE_FULL_COOKIES, 1));
            quiet(h.verdicts());
            for (int s = 0; s < 59; s++) {
                h.run(1, t -> t.state(TcpState.SYN_RCVD, 129).listener(8080, 0, 129, 128));
                quiet(h.verdicts());
            }
        }
    }

    @Test
    void twoSecondsOfDropsAreNamedAndForgottenOnceTheyLeaveTheWindow() {
        Ticks h = Ticks.linux().tunable("net.ipv4.tcp_syncookies", "0").quiet(10).run(2, SynFloodDetectorTest::labFlood);
        one(h.verdicts(), Verdict.Kind.SYN_FLOOD);
        h.run(4, t -> t.state(TcpState.SYN_RCVD, 129).listener(8080, 0, 129, 128));
        none(h.verdicts(), Verdict.Kind.SYN_FLOOD);
    }

    @Test
    void oneHugeSpikeIsNotSustained() {
        // a burst's mean over the window is high, but only one sample reached the rate
        Ticks h = Ticks.linux().tunable("net.ipv4.tcp_syncookies", "0").quiet(10)
                .run(1, t -> t.state(TcpState.SYN_RCVD, 129).listener(8080, 0, 129, 128)
                        .inc(CounterId.LISTEN_DROPS, 50000).inc(CounterId.SYN_QUEUE_FULL_DROPS, 50000))
                .run(4, t -> t.state(TcpState.SYN_RCVD, 129).listener(8080, 0, 129, 128)
                        .inc(CounterId.LISTEN_DROPS, 2).inc(CounterId.SYN_QUEUE_FULL_DROPS, 2));
        quiet(h.verdicts());
    }

    @Test
    void manyHalfOpenWithoutDropsOrCookiesIsNotAFlood() {
        // slow clients on a big backlog: the queue is busy but nothing is lost
        Ticks h = Ticks.linux().quiet(10).run(10, t -> t.state(TcpState.SYN_RCVD, 600).listener(443, 0, 600, 4096));
        none(h.verdicts(), Verdict.Kind.SYN_FLOOD);
    }

    @Test
    void drainingDropsEndTheVerdict() {
        Ticks h = Ticks.linux().tunable("net.ipv4.tcp_syncookies", "0").quiet(10).run(10, SynFloodDetectorTest::labFlood);
        one(h.verdicts(), Verdict.Kind.SYN_FLOOD);
        // the half-open entries linger until their SYN-ACK retries time out, but nothing more is dropped
        int ticks = 0;
        while (Verdicts.find(h.verdicts(), Verdict.Kind.SYN_FLOOD).isPresent()) {
            h.run(1, t -> t.state(TcpState.SYN_RCVD, 129).listener(8080, 0, 129, 128));
            ticks++;
            assertTrue(ticks <= Thresholds.defaults().sustainSamples(), "still a flood after " + ticks + " calm ticks");
        }
        h.run(60, t -> t.state(TcpState.ESTABLISHED, 20).listener(8080, 0, 0, 128));
        quiet(h.verdicts());
    }

    @Test
    void missingCountersNeverFire() {
        Ticks h = Ticks.linux().tunable("net.ipv4.tcp_syncookies", "0");
        for (CounterId id : Ticks.LINUX_COUNTERS) {
            h.drop(id);
        }
        h.run(10, t -> t.state(TcpState.SYN_RCVD, 129).listener(8080, 0, 129, 128));
        quiet(h.verdicts());
    }

    @Test
    void aCounterThatStopsBeingReadStopsTheVerdict() {
        Ticks h = Ticks.linux().tunable("net.ipv4.tcp_syncookies", "0").quiet(10).run(5, SynFloodDetectorTest::labFlood);
        one(h.verdicts(), Verdict.Kind.SYN_FLOOD);
        h.drop(CounterId.LISTEN_DROPS).drop(CounterId.SYN_QUEUE_FULL_DROPS).run(1, t -> t.state(TcpState.SYN_RCVD, 129)
                .listener(8080, 0, 129, 128));
        none(h.verdicts(), Verdict.Kind.SYN_FLOOD);
    }

    @Test
    void emptyStatesAndNoListenersNeverFire() {
        Ticks h = Ticks.linux().quiet(5).run(10, t -> t.noStates().inc(CounterId.SYNCOOKIES_SENT, 5000));
        quiet(h.verdicts());
        quiet(Detectors.evaluate(new syntop.collectors.history.History()));
    }

    @Test
    void aFreeBsdSyncacheNearFullWithCookies() {
        // on FreeBSD half-open connections live in the syncache, not in the listeners' incqlen
        Ticks h = Ticks.freebsd().quiet(10).run(5, t -> t.gauge(CounterId.SYNCACHE_ENTRIES, 15100)
                .gauge(CounterId.SYNCACHE_LIMIT, 15360).bsdListener(80, 0, 0, 128)
                .inc(CounterId.SYNCACHE_OVERFLOWS, 500).inc(CounterId.SYNCOOKIES_SENT, 800)
                .inc(CounterId.SYNCACHE_ADDED, 300));
        Verdict v = only(h.verdicts(), Verdict.Kind.SYN_FLOOD, Verdict.Severity.WARNING);
        assertEquals(OptionalInt.empty(), v.port());
        contains(v, "syncache 15100 of 15360",
                "500 SYNs/s answered by cookie alone, without a syncache entry (syncookies=1)");
    }

    /**
     * Synthetic: a busy FreeBSD server, 500 new connections a second from slow clients (300 half-open
     * in the syncache). With syncookies=1 every SYN-ACK carries a cookie, so cookies sent rises with
     * entries added; that is no SYN pressure.
     */
    private static void busyFreeBsd(Ticks.Tick t) {
        t.state(TcpState.SYN_RCVD, 300).gauge(CounterId.SYNCACHE_ENTRIES, 300).gauge(CounterId.SYNCACHE_LIMIT, 15360)
                .bsdListener(80, 0, 0, 128).inc(CounterId.SYNCOOKIES_SENT, 500).inc(CounterId.SYNCACHE_ADDED, 500);
    }

    @Test
    void freeBsdCookiesInEverySynAckAreNotAFlood() {
        Ticks h = Ticks.freebsd().quiet(10).run(10, SynFloodDetectorTest::busyFreeBsd);
        quiet(h.verdicts());
        // the same counts on Linux, where a cookie is sent only for a full SYN queue, still are one
        Ticks linux = Ticks.linux().quiet(10).run(10, t -> t.state(TcpState.SYN_RCVD, 300)
                .listener(80, 0, 0, 4096).inc(CounterId.SYNCOOKIES_SENT, 500));
        one(linux.verdicts(), Verdict.Kind.SYN_FLOOD);
    }

    @Test
    void freeBsdCookiesInEverySynAckAreNoSignWhileJudging() {
        Ticks h = Ticks.freebsd().judged().run(2, SynFloodDetectorTest::busyFreeBsd);
        String line = h.last().judgement().line();
        assertTrue(!line.contains("cookie"), line);
    }

    /**
     * Synthetic: after a bucket overflow FreeBSD (since 2019) pauses the syncache and answers every SYN
     * by cookie alone (syncache_pause): cookies sent rises, entries added does not, the syncache
     * empties, and the overflow is counted once per pause.
     */
    private static void cookiesOnlyAfterOverflow(Ticks.Tick t) {
        t.state(TcpState.SYN_RCVD, 0).gauge(CounterId.SYNCACHE_ENTRIES, 0).gauge(CounterId.SYNCACHE_LIMIT, 15360)
                .bsdListener(80, 0, 0, 128).inc(CounterId.SYNCOOKIES_SENT, 2000);
    }

    @Test
    void freeBsdSynsAnsweredByCookieAloneAreAFlood() {
        Ticks h = Ticks.freebsd().quiet(10).run(1, t -> cookiesOnlyAfterOverflow(t.inc(CounterId.SYNCACHE_BUCKET_OVERFLOWS, 1)))
                .run(5, SynFloodDetectorTest::cookiesOnlyAfterOverflow);
        Verdict v = only(h.verdicts(), Verdict.Kind.SYN_FLOOD);
        contains(v, "2000 SYNs/s answered by cookie alone, without a syncache entry (syncookies=1)");
        Ticks early = Ticks.freebsd().judged().run(2, SynFloodDetectorTest::cookiesOnlyAfterOverflow);
        assertTrue(early.last().judgement().line().contains("2000 SYNs/s answered by cookie alone"),
                early.last().judgement().line());
    }

    @Test
    void freeBsdCookiesAreNotJudgedWithoutEntriesAdded() {
        Ticks h = Ticks.freebsd().drop(CounterId.SYNCACHE_ADDED).quiet(10).run(10, t -> t.state(TcpState.SYN_RCVD, 300)
                .bsdListener(80, 0, 0, 128).inc(CounterId.SYNCOOKIES_SENT, 500));
        quiet(h.verdicts());
    }

    @Test
    void freeBsdCookieEvidenceSaysWhatIsKnown() {
        // synthetic: the syncache overflowing (its counters rising) names a flood; the cookie line follows the counters read
        java.util.function.Consumer<Ticks.Tick> full = t -> t.gauge(CounterId.SYNCACHE_ENTRIES, 15360)
                .gauge(CounterId.SYNCACHE_LIMIT, 15360).inc(CounterId.SYNCACHE_OVERFLOWS, 700)
                .inc(CounterId.SYNCOOKIES_SENT, 700).inc(CounterId.SYNCACHE_ADDED, 700);
        contains(only(Ticks.freebsd().quiet(10).run(5, full).verdicts(), Verdict.Kind.SYN_FLOOD),
                "cookies in every SYN-ACK (syncookies=1), every SYN entered in the syncache");
        contains(only(Ticks.freebsd().drop(CounterId.SYNCACHE_ADDED).quiet(10).run(5, full).verdicts(),
                Verdict.Kind.SYN_FLOOD), "how many SYNs the syncache did not hold is unknown");
    }

    @Test
    void freeBsdCookiesOnlySettingIsNotAFlood() {
        Ticks h = Ticks.freebsd().tunable("net.inet.tcp.syncookies_only", "1").quiet(10).run(10, t -> t
                .state(TcpState.SYN_RCVD, 300).bsdListener(80, 0, 0, 128).inc(CounterId.SYNCOOKIES_SENT, 500));
        quiet(h.verdicts());
    }

    @Test
    void aFreeBsdSyncacheOverflowingWithCookiesOffIsCritical() {
        Ticks h = Ticks.freebsd().tunable("net.inet.tcp.syncookies", "0").quiet(10).run(5, t -> t
                .gauge(CounterId.SYNCACHE_ENTRIES, 15360).gauge(CounterId.SYNCACHE_LIMIT, 15360)
                .inc(CounterId.SYNCACHE_OVERFLOWS, 700));
        Verdict v = only(h.verdicts(), Verdict.Kind.SYN_FLOOD, Verdict.Severity.CRITICAL);
        contains(v, "700 SYN drops/s", "cookies off (syncookies=0)");
    }
}
