package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static syntop.collectors.detect.Verdicts.contains;
import static syntop.collectors.detect.Verdicts.only;
import static syntop.collectors.detect.Verdicts.quiet;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.TcpState;

class TimeWaitDetectorTest {
    @Test
    void linuxShowsThePortBudgetArithmetic() {
        Ticks h = Ticks.linux().quiet(5).run(5, t -> t.state(TcpState.TIME_WAIT, 18000).state(TcpState.ESTABLISHED, 40)
                .remote(TcpState.TIME_WAIT, "10.0.0.5", 9000));
        Verdict v = only(h.verdicts(), Verdict.Kind.TIME_WAIT_PILE_UP, Verdict.Severity.WARNING);
        assertEquals(OptionalInt.empty(), v.port());
        assertEquals("TIME_WAIT pile-up: this host closes connections first (64% of the outbound port budget), "
                + "not a SYN flood", v.summary());
        contains(v, "18000 TIME_WAIT = 64% of 28232 ephemeral ports (32768–60999)",
                "28232 ports / 60 s TIME_WAIT (fixed on Linux) ≈ 471 new connections/s per destination",
                "closing ≈ 300/s now (18000 / 60 s)", "top peer 10.0.0.5 (9000 of 18000)", "SYN_RCVD 0: not a SYN flood");
    }

    @Test
    void nearTheWholeRangeIsCritical() {
        Ticks h = Ticks.linux().run(3, t -> t.state(TcpState.TIME_WAIT, 27000));
        assertEquals(Verdict.Severity.CRITICAL, only(h.verdicts(), Verdict.Kind.TIME_WAIT_PILE_UP).severity());
    }

    @Test
    void aFullTimeWaitTableIsCritical() {
        // tcp_max_tw_buckets reached: the kernel stops creating TIME_WAIT sockets and counts overflows
        Ticks h = Ticks.linux().quiet(5).run(5, t -> t.state(TcpState.TIME_WAIT, 5000)
                .inc(CounterId.TIME_WAIT_OVERFLOWS, 300));
        Verdict v = only(h.verdicts(), Verdict.Kind.TIME_WAIT_PILE_UP, Verdict.Severity.CRITICAL);
        contains(v, "TIME_WAIT table full: 300 overflows/s");
    }

    @Test
    void theNanogArithmeticOnBsd() {
        // 30000 ports at 20 s of TIME_WAIT (msl 10 s) -> 1500 connections/s
        Ticks h = Ticks.freebsd().tunable("net.inet.ip.portrange.first", "30001")
                .tunable("net.inet.ip.portrange.last", "60000").tunable("net.inet.tcp.msl", "10000")
                .run(3, t -> t.state(TcpState.TIME_WAIT, 20000));
        contains(only(h.verdicts(), Verdict.Kind.TIME_WAIT_PILE_UP),
                "20000 TIME_WAIT = 67% of 30000 ephemeral ports (30001–60000)",
                "30000 ports / 20 s TIME_WAIT (2 × msl 10000 ms) ≈ 1500 new connections/s per destination");
    }

    @Test
    void macOsDefaultsWhenTheTunablesWereNotRead() {
        Ticks h = Ticks.macos().run(3, t -> t.state(TcpState.TIME_WAIT, 10000));
        contains(only(h.verdicts(), Verdict.Kind.TIME_WAIT_PILE_UP),
                "10000 TIME_WAIT = 61% of 16384 ephemeral ports (49152–65535, the OS default: range not read)",
                "16384 ports / 30 s TIME_WAIT (2 × default msl 15000 ms) ≈ 546 new connections/s per destination");
    }

    @Test
    void aBusyButHealthyHostIsQuiet() {
        Ticks h = Ticks.linux().run(10, t -> t.state(TcpState.TIME_WAIT, 9000).state(TcpState.ESTABLISHED, 800));
        quiet(h.verdicts());
    }

    @Test
    void aSmallRangeStillNeedsTheMinimumCount() {
        Ticks h = Ticks.linux().tunable("net.ipv4.ip_local_port_range", "60000 60999")
                .run(3, t -> t.state(TcpState.TIME_WAIT, 800));
        quiet(h.verdicts());
    }

    @Test
    void endsWhenTheTimeWaitDrains() {
        Ticks h = Ticks.linux().run(5, t -> t.state(TcpState.TIME_WAIT, 20000));
        only(h.verdicts(), Verdict.Kind.TIME_WAIT_PILE_UP);
        h.run(1, t -> t.state(TcpState.TIME_WAIT, 4000));
        quiet(h.verdicts());
    }

    @Test
    void theKernelCountStandsInForAnUnreadTable() {
        Ticks h = Ticks.linux().run(3, t -> t.noStates().gauge(CounterId.SOCKETS_TIME_WAIT, 20000));
        contains(only(h.verdicts(), Verdict.Kind.TIME_WAIT_PILE_UP), "20000 TIME_WAIT");
        Ticks none = Ticks.linux().run(3, t -> t.noStates());
        quiet(none.verdicts());
    }
}
