package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static syntop.collectors.detect.Verdicts.contains;
import static syntop.collectors.detect.Verdicts.none;
import static syntop.collectors.detect.Verdicts.one;
import static syntop.collectors.detect.Verdicts.only;
import static syntop.collectors.detect.Verdicts.quiet;
import static syntop.collectors.detect.Verdicts.says;

import java.io.IOException;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.ProcessOwner;
import syntop.collectors.model.TcpState;

class AcceptQueueFullDetectorTest {
    /** The lab's connburst: backlog 64, the application never accepts, Recv-Q 65, each dropped SYN counted twice. */
    private static void slowApp(Ticks.Tick t) {
        t.state(TcpState.ESTABLISHED, 65).state(TcpState.SYN_RCVD, 0).listener(8081, 65, 0, 64)
                .inc(CounterId.LISTEN_OVERFLOWS, 870).inc(CounterId.LISTEN_DROPS, 870);
    }

    @Test
    void aFullAcceptQueueWithOverflowsIsCriticalAndNamesThePort() {
        Ticks h = Ticks.linux().quiet(10).run(5, AcceptQueueFullDetectorTest::slowApp);
        Verdict v = only(h.verdicts(), Verdict.Kind.ACCEPT_QUEUE_FULL, Verdict.Severity.CRITICAL);
        says(v, 8081, "accept queue full on :8081: the application is not accepting fast enough");
        contains(v, "accept queue 65/64 on :8081", "0 half-open on :8081", "ListenOverflows 870/s (host-wide)");
    }

    @Test
    void theVerdictNamesTheProcessThatIsNotAcceptingWhenItIsKnown() {
        Ticks h = Ticks.linux().quiet(10).run(5, t -> t.listener(8081, 16, 0, 16).ownedBy(ProcessOwner.of(812, "nginx"))
                .state(TcpState.ESTABLISHED, 16));
        Verdict v = only(h.verdicts(), Verdict.Kind.ACCEPT_QUEUE_FULL);
        assertEquals("accept queue full on :8081 (nginx, pid 812): the application is not accepting fast enough", v.summary());
        contains(v, "accept queue 16/16 on :8081 (nginx, pid 812)");
        Ticks hidden = Ticks.linux().quiet(10).run(5, t -> t.listener(8081, 16, 0, 16).ownedBy(ProcessOwner.notVisible())
                .state(TcpState.ESTABLISHED, 16));
        assertEquals("accept queue full on :8081: the application is not accepting fast enough",
                only(hidden.verdicts(), Verdict.Kind.ACCEPT_QUEUE_FULL).summary(), "an unknown owner is not guessed");
    }

    @Test
    void fullForEverySampleWithoutOverflowsIsAWarning() {
        Ticks h = Ticks.linux().quiet(10).run(5, t -> t.listener(8081, 16, 0, 16).state(TcpState.ESTABLISHED, 16));
        Verdict v = only(h.verdicts(), Verdict.Kind.ACCEPT_QUEUE_FULL, Verdict.Severity.WARNING);
        contains(v, "accept queue 16/16", "ListenOverflows 0/s", "full for 2 samples");
    }

    @Test
    void aMomentarilyFullQueueIsNothing() {
        Ticks h = Ticks.linux().quiet(10).run(1, t -> t.listener(8081, 16, 0, 16)).run(1, t -> t.listener(8081, 2, 0, 16))
                .run(1, t -> t.listener(8081, 16, 0, 16));
        quiet(h.verdicts());
    }

    @Test
    void aSynFloodIsNotAnAcceptQueueProblem() {
        // same port, same limit: the SYN queue is full and the accept queue empty
        Ticks h = Ticks.linux().tunable("net.ipv4.tcp_syncookies", "0").quiet(10).run(5, t -> t
                .state(TcpState.SYN_RCVD, 129).listener(8081, 0, 129, 128)
                .inc(CounterId.LISTEN_DROPS, 1871).inc(CounterId.SYN_QUEUE_FULL_DROPS, 1871));
        only(h.verdicts(), Verdict.Kind.SYN_FLOOD);
    }

    @Test
    void aListenerFullOfHalfOpenIsLeftToTheSynVerdicts() {
        Ticks h = Ticks.linux().quiet(10).run(5, t -> t.state(TcpState.SYN_RCVD, 129).listener(8081, 128, 129, 128)
                .inc(CounterId.LISTEN_OVERFLOWS, 50).inc(CounterId.LISTEN_DROPS, 50));
        none(h.verdicts(), Verdict.Kind.ACCEPT_QUEUE_FULL);
    }

    @Test
    void aFloodOnOnePortAndASlowAppOnAnotherAreBothNamed() {
        Ticks h = Ticks.linux().tunable("net.ipv4.tcp_syncookies", "0").quiet(10).run(5, t -> t
                .state(TcpState.SYN_RCVD, 129).listener(8081, 17, 0, 16).listener(8080, 0, 129, 128)
                .inc(CounterId.LISTEN_DROPS, 400).inc(CounterId.SYN_QUEUE_FULL_DROPS, 300)
                .inc(CounterId.LISTEN_OVERFLOWS, 100));
        assertEquals(OptionalInt.of(8080), one(h.verdicts(), Verdict.Kind.SYN_FLOOD).port());
        assertEquals(OptionalInt.of(8081), one(h.verdicts(), Verdict.Kind.ACCEPT_QUEUE_FULL).port());
    }

    @Test
    void freeBsdQueuesToOneAndAHalfTimesTheLimit() {
        // 150/0/128 is over maxqlen but FreeBSD still accepts: not full there (it would be on Linux)
        Ticks bsd = Ticks.freebsd().quiet(10).run(10, t -> t.bsdListener(80, 150, 0, 128));
        quiet(bsd.verdicts());
        Ticks linux = Ticks.linux().quiet(10).run(10, t -> t.listener(80, 150, 0, 128));
        one(linux.verdicts(), Verdict.Kind.ACCEPT_QUEUE_FULL);
    }

    @Test
    void freeBsd193Of128IsFull() {
        // sonewconn refuses once qlen > 3/2 × 128 = 192, so 193/0/128 is the most FreeBSD ever shows
        Ticks h = Ticks.freebsd().quiet(10).run(5, t -> t.bsdListener(80, 193, 0, 128).inc(CounterId.LISTEN_OVERFLOWS, 40));
        Verdict v = only(h.verdicts(), Verdict.Kind.ACCEPT_QUEUE_FULL, Verdict.Severity.CRITICAL);
        assertEquals(OptionalInt.of(80), v.port());
        contains(v, "qlen 193 of maxqlen 128 on :80 (FreeBSD refuses above 1.5 × 128 = 192)", "0 half-open on :80");
        Ticks at192 = Ticks.freebsd().quiet(10).run(5, t -> t.bsdListener(80, 192, 0, 128));
        assertEquals(Verdict.Severity.WARNING, only(at192.verdicts(), Verdict.Kind.ACCEPT_QUEUE_FULL).severity());
    }

    @Test
    void macOsRefusesAtMaxqlenItself() {
        // xnu sonewconn_internal (soqlimitcompat=1): qlen >= maxqlen refuses, so 128/0/128 is as full as macOS gets
        Ticks h = Ticks.macos().tunable("kern.ipc.somaxconn", "128").quiet(10).run(5, t -> t.bsdListener(5000, 128, 0, 128));
        Verdict v = only(h.verdicts(), Verdict.Kind.ACCEPT_QUEUE_FULL, Verdict.Severity.WARNING);
        contains(v, "qlen 128 of maxqlen 128 on :5000 (macOS refuses at maxqlen; qlen counts half-open connections too)",
                ":5000 accept queue 128 (half-open connections count against it too) = somaxconn 128");
        assertFalse(v.evidence().contains("1.5"), v.evidence());
        Ticks below = Ticks.macos().quiet(10).run(5, t -> t.bsdListener(5000, 127, 0, 128));
        quiet(below.verdicts());
    }

    /** The captured macOS netstat -anL's listen(1) socket (0/0/1 on 127.0.0.1.9335), given its one connection. */
    @Test
    void macOsCapturedListenOneSocketIsFullWithOneWaiting() throws IOException {
        ListenQueue captured = WhichLimitTest.bsdListeners("macos/2017ish-nativescript/cmd/netstat-f-inet-p-tcp-anL.txt")
                .get(0);
        assertEquals(1, captured.limit().getAsLong());
        quiet(Ticks.macos().quiet(10).run(5, t -> t.listener(captured)).verdicts());
        // synthetic step: qlen 1 is the most xnu lets this socket hold (FreeBSD would still admit a second)
        ListenQueue waiting = new ListenQueue(captured.protocol(), captured.localAddress(), captured.port(), 1,
                captured.synQueue(), captured.limit());
        Verdict v = only(Ticks.macos().quiet(10).run(5, t -> t.listener(waiting)).verdicts(), Verdict.Kind.ACCEPT_QUEUE_FULL);
        contains(v, "qlen 1 of maxqlen 1 on :9335");
        quiet(Ticks.freebsd().quiet(10).run(5, t -> t.listener(waiting)).verdicts());
    }

    @Test
    void endsAsSoonAsTheQueueDrains() {
        Ticks h = Ticks.linux().quiet(10).run(10, AcceptQueueFullDetectorTest::slowApp);
        one(h.verdicts(), Verdict.Kind.ACCEPT_QUEUE_FULL);
        h.run(1, t -> t.listener(8081, 3, 0, 64).inc(CounterId.LISTEN_OVERFLOWS, 870));
        quiet(h.verdicts());
    }

    @Test
    void missingLimitsOrListenersNeverFire() {
        Ticks h = Ticks.linux().quiet(10).run(10, t -> t.noStates().inc(CounterId.LISTEN_OVERFLOWS, 900));
        quiet(h.verdicts());
        Ticks noLimit = Ticks.linux().quiet(10).run(10, t -> t.listener(8081, 65, 0, 0));
        quiet(noLimit.verdicts());
    }
}
