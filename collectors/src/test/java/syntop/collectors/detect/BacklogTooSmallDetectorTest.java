package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static syntop.collectors.detect.Verdicts.contains;
import static syntop.collectors.detect.Verdicts.none;
import static syntop.collectors.detect.Verdicts.only;
import static syntop.collectors.detect.Verdicts.quiet;
import static syntop.collectors.detect.Verdicts.says;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.TcpState;

class BacklogTooSmallDetectorTest {
    /** A Perl HTTP daemon with listen(5): a handful of clients fill its queue and the kernel sends cookies. */
    private static void smallDaemon(Ticks.Tick t) {
        t.state(TcpState.SYN_RCVD, 6).state(TcpState.ESTABLISHED, 9).listener(8888, 5, 6, 5)
                .inc(CounterId.SYNCOOKIES_SENT, 3).inc(CounterId.SYN_QUEUE_FULL_COOKIES, 3);
    }

    @Test
    void aSmallBacklogUnderModestTrafficIsNotAFlood() {
        Ticks h = Ticks.linux().quiet(10).run(5, BacklogTooSmallDetectorTest::smallDaemon);
        Verdict v = only(h.verdicts(), Verdict.Kind.BACKLOG_TOO_SMALL, Verdict.Severity.WARNING);
        says(v, 8888, "backlog too small on :8888 (limit 5), not a SYN flood");
        contains(v, "6 half-open on :8888 (limit 5)", "3 SYNs/s lost or cookied", "cookies sent 3/s",
                "half-open capped at 5 + 1 = the listener's limit, beyond it SYN cookies answer; the limit = listen() "
                        + "backlog 5 (somaxconn 4096 is not the limit): raise the application's backlog");
    }

    @Test
    void aSmallBacklogUnderARealFloodIsAFlood() {
        Ticks h = Ticks.linux().quiet(10).run(5, t -> t.state(TcpState.SYN_RCVD, 6).listener(8888, 0, 6, 5)
                .inc(CounterId.SYNCOOKIES_SENT, 2000).inc(CounterId.SYN_QUEUE_FULL_COOKIES, 2000));
        Verdict v = only(h.verdicts(), Verdict.Kind.SYN_FLOOD);
        assertEquals(OptionalInt.of(8888), v.port());
        contains(v, "6 half-open on :8888 (limit 5)");
    }

    @Test
    void manyHalfOpenOnTheHostIsAFloodEvenOnASmallBacklog() {
        Ticks h = Ticks.linux().quiet(10).run(5, t -> t.state(TcpState.SYN_RCVD, 900).listener(8888, 0, 6, 5)
                .inc(CounterId.SYNCOOKIES_SENT, 20).inc(CounterId.SYN_QUEUE_FULL_COOKIES, 20));
        none(h.verdicts(), Verdict.Kind.BACKLOG_TOO_SMALL);
        Verdicts.one(h.verdicts(), Verdict.Kind.SYN_FLOOD);
    }

    @Test
    void anOccasionalCookieOnASmallBacklogIsNothing() {
        Ticks h = Ticks.linux().quiet(10);
        for (int i = 0; i < 4; i++) {
            h.run(1, BacklogTooSmallDetectorTest::smallDaemon)
                    .run(9, t -> t.state(TcpState.SYN_RCVD, 6).listener(8888, 5, 6, 5));
            quiet(h.verdicts());
        }
    }

    @Test
    void endsWhenTheCookiesStop() {
        Ticks h = Ticks.linux().quiet(10).run(8, BacklogTooSmallDetectorTest::smallDaemon);
        only(h.verdicts(), Verdict.Kind.BACKLOG_TOO_SMALL);
        h.run(5, t -> t.state(TcpState.ESTABLISHED, 3).listener(8888, 0, 0, 5));
        quiet(h.verdicts());
    }

    @Test
    void missingCountersNeverFire() {
        Ticks h = Ticks.linux().drop(CounterId.SYNCOOKIES_SENT).drop(CounterId.SYN_QUEUE_FULL_COOKIES)
                .drop(CounterId.SYN_QUEUE_FULL_DROPS).drop(CounterId.LISTEN_DROPS)
                .run(10, t -> t.state(TcpState.SYN_RCVD, 6).listener(8888, 5, 6, 5));
        quiet(h.verdicts());
    }
}
