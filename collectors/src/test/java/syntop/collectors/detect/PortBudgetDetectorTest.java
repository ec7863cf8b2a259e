package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static syntop.collectors.detect.Verdicts.contains;
import static syntop.collectors.detect.Verdicts.none;
import static syntop.collectors.detect.Verdicts.one;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import syntop.collectors.json.JsonReader;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.report.SnapshotJson;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.TcpState;

/** The port budget: ports ÷ TIME_WAIT seconds per destination, against ActiveOpens towards the busiest destination. */
class PortBudgetDetectorTest {
    /** A proxy with 20000 TIME_WAIT, 18000 of them towards one backend, opening {@code opens} connections a second. */
    private static Ticks proxy(Ticks h, long opens) {
        return h.quiet(5).run(5, t -> t.state(TcpState.TIME_WAIT, 20000).state(TcpState.ESTABLISHED, 50)
                .remote(TcpState.TIME_WAIT, "10.0.0.5", 18000).remote(TcpState.TIME_WAIT, "10.0.0.6", 2000)
                .inc(CounterId.ACTIVE_OPENS, opens));
    }

    @Test
    void theBudgetIsTheArithmeticOperatorsDoByHand() {
        PortBudget b = PortBudget.of(proxy(Ticks.linux(), 500).history()).orElseThrow();
        assertEquals(28232, b.ports()); // 32768–60999
        assertEquals(60, b.timeWaitSeconds());
        assertEquals(28232 / 60.0, b.perDestination(), 1e-9);
        assertEquals(500, b.activeOpens().getAsDouble(), 1e-9);
        assertEquals("10.0.0.5", b.top().get(0).address());
        assertEquals("port budget 471/s per destination (28232 ports 32768–60999 / 60 s TIME_WAIT); now 500/s out; "
                + "most TIME_WAIT towards 10.0.0.5 (18000)", b.line());
        // the NANOG example: 30000 ports at a 20 s TIME_WAIT sustain 1500 connections a second
        PortBudget bsd = PortBudget.of(proxy(Ticks.freebsd().tunable("net.inet.ip.portrange.first", "35536")
                .tunable("net.inet.tcp.msl", "10000"), 10).history()).orElseThrow();
        assertEquals(30000, bsd.ports());
        assertEquals(20, bsd.timeWaitSeconds());
        assertEquals(1500, bsd.perDestination(), 1e-9);
    }

    @Test
    void nearTheBudgetWarnsWithoutATimeToExhaustion() {
        // 500/s × 18000/20000 = 450/s towards 10.0.0.5: 96 % of 470.5/s; settles at 27000 of 28232 ports
        Verdict v = one(proxy(Ticks.linux(), 500).verdicts(), Verdict.Kind.EPHEMERAL_PORTS_RUNNING_OUT);
        assertEquals(Verdict.Severity.WARNING, v.severity());
        assertEquals("ephemeral ports running out towards 10.0.0.5 (450 of 471 connections/s)", v.summary());
        contains(v, "28232 ephemeral ports (32768–60999) / 60 s TIME_WAIT (fixed on Linux) = 471 new connections/s",
                "towards 10.0.0.5: ≈ 450/s there", "settle at 27000 of 28232 ports", "tcp_tw_reuse=1 (outbound only)");
    }

    @Test
    void pastTheBudgetGivesTheTimeToExhaustion() {
        // 700/s × 0.9 = 630/s: 60 s × ln((630 × 60 − 18000) / (630 × 60 − 28232)) ≈ 43.6 s
        Verdict v = one(proxy(Ticks.linux(), 700).verdicts(), Verdict.Kind.EPHEMERAL_PORTS_RUNNING_OUT);
        assertEquals(Verdict.Severity.CRITICAL, v.severity());
        double eta = 60 * Math.log((630.0 * 60 - 18000) / (630.0 * 60 - 28232));
        assertEquals(43.6, eta, 0.05);
        assertTrue(v.summary().startsWith("ephemeral ports running out towards 10.0.0.5 in ≈ 43.6 s"), v.summary());
    }

    @Test
    void wellBelowTheBudgetOrWithoutTimeWaitIsQuiet() {
        none(proxy(Ticks.linux(), 100).verdicts(), Verdict.Kind.EPHEMERAL_PORTS_RUNNING_OUT);
        none(Ticks.linux().quiet(10).run(5, t -> t.inc(CounterId.ACTIVE_OPENS, 5000)).verdicts(),
                Verdict.Kind.EPHEMERAL_PORTS_RUNNING_OUT);
    }

    @Test
    void manyOpensWithAHandfulOfTimeWaitAreNotJudged() {
        // a macOS capture replayed with a high ActiveOpens rate and 1 TIME_WAIT made this verdict fire on one socket
        Ticks h = Ticks.macos().quiet(5).run(5, t -> t.state(TcpState.TIME_WAIT, 1).remote(TcpState.TIME_WAIT, "10.0.0.9", 1)
                .inc(CounterId.ACTIVE_OPENS, 5000));
        none(h.verdicts(), Verdict.Kind.EPHEMERAL_PORTS_RUNNING_OUT);
        // the same rate with the destination holding 5 % of the 16384 macOS ports is judged
        Ticks held = Ticks.macos().quiet(5).run(5, t -> t.state(TcpState.TIME_WAIT, 820).remote(TcpState.TIME_WAIT, "10.0.0.9", 820)
                .inc(CounterId.ACTIVE_OPENS, 5000));
        one(held.verdicts(), Verdict.Kind.EPHEMERAL_PORTS_RUNNING_OUT);
    }

    @Test
    void bsdWidensWithMslAndPortrange() {
        Verdict v = one(proxy(Ticks.freebsd(), 1200).verdicts(), Verdict.Kind.EPHEMERAL_PORTS_RUNNING_OUT);
        contains(v, "55536 ephemeral ports (10000–65535) / 60 s TIME_WAIT (2 × msl 30000 ms)", "net.inet.tcp.msl");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onceJsonCarriesThePortBudget() {
        Ticks h = proxy(Ticks.linux(), 500);
        String json = SnapshotJson.snapshot(new JudgedTick(h.history().ticks(), h.history().latest().orElseThrow(), h.verdicts(),
                Detectors.judgement(h.history(), Thresholds.defaults()), h.history()));
        Map<String, Object> b = (Map<String, Object>) ((Map<String, Object>) JsonReader.parse(json)).get("port_budget");
        assertEquals(Map.of("first", 32768L, "last", 60999L, "ports", 28232L, "assumed", false), b.get("range"));
        assertEquals(60.0, ((Number) b.get("time_wait_seconds")).doubleValue());
        assertEquals(28232 / 60.0, ((Number) b.get("per_destination_per_second")).doubleValue(), 0.01);
        assertEquals(500.0, ((Number) b.get("active_opens_per_second")).doubleValue(), 1e-9);
        assertEquals(20000L, ((Number) b.get("time_wait")).longValue());
        List<Map<String, Object>> top = (List<Map<String, Object>>) b.get("top_destinations");
        assertEquals("10.0.0.5", top.get(0).get("address"));
        assertEquals(18000L, ((Number) top.get(0).get("time_wait")).longValue());
    }

    @Test
    void exhaustionArithmetic() {
        PortBudget b = PortBudget.of(proxy(Ticks.linux(), 10).history()).orElseThrow();
        assertTrue(b.secondsToExhaustion(400, 0).isEmpty(), "400/s × 60 s = 24000 < 28232 ports: never");
        assertEquals(0, b.secondsToExhaustion(1000, 28232).getAsDouble());
        assertEquals(60 * Math.log(60000.0 / (60000 - 28232)), b.secondsToExhaustion(1000, 0).getAsDouble(), 1e-9);
    }
}
