package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static syntop.collectors.detect.Verdicts.quiet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import syntop.collectors.history.History;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.TcpState;

class DetectorsTest {
    @Test
    void everySituationHasADetector() {
        assertEquals(12, Detectors.all().size());
    }

    @Test
    void nothingAndCalmAreQuiet() {
        quiet(Detectors.evaluate(new History()));
        Ticks h = Ticks.linux().run(120, t -> t.state(TcpState.ESTABLISHED, 300).state(TcpState.TIME_WAIT, 2000)
                .state(TcpState.CLOSE_WAIT, 3).state(TcpState.SYN_RCVD, 2).listener(80, 3, 2, 4096)
                .inc(CounterId.PASSIVE_OPENS, 200).inc(CounterId.RESETS_SENT, 4).inc(CounterId.SEGMENTS_RETRANSMITTED, 30));
        quiet(h.verdicts());
    }

    @Test
    void mostSevereFirst() {
        Ticks h = Ticks.linux().tunable("net.ipv4.tcp_syncookies", "0").quiet(5).run(5, t -> t
                .state(TcpState.TIME_WAIT, 16000).state(TcpState.CLOSE_WAIT, 7000).state(TcpState.FIN_WAIT_2, 600)
                .state(TcpState.SYN_RCVD, 129).listener(8080, 0, 129, 128).listener(8081, 17, 0, 16)
                .inc(CounterId.LISTEN_DROPS, 1000).inc(CounterId.SYN_QUEUE_FULL_DROPS, 1000));
        List<Verdict> vs = h.verdicts();
        List<String> got = vs.stream().map(v -> v.severity() + " " + v.kind()).toList();
        assertEquals(List.of("CRITICAL SYN_FLOOD", "CRITICAL CLOSE_WAIT_PILE_UP", "WARNING ACCEPT_QUEUE_FULL",
                "WARNING TIME_WAIT_PILE_UP", "WARNING FIN_WAIT_2_PILE_UP"), got);
    }

    @Test
    void allQuietReturnsAfterAnAttack() {
        Ticks h = Ticks.linux().tunable("net.ipv4.tcp_syncookies", "0").quiet(70).run(30, t -> t
                .state(TcpState.SYN_RCVD, 129).listener(8080, 0, 129, 128).inc(CounterId.LISTEN_DROPS, 1871)
                .inc(CounterId.SYN_QUEUE_FULL_DROPS, 1871).inc(CounterId.SEGMENTS_RETRANSMITTED, 700)
                .inc(CounterId.RESETS_SENT, 300));
        assertFalse(h.verdicts().isEmpty());
        h.quiet(10);
        quiet(h.verdicts());
    }

    /** Random, often broken, histories: the detectors never throw and always sort their verdicts. */
    @Property(tries = 200)
    void anyHistoryEvaluatesWithoutThrowing(@ForAll Random random) {
        Ticks h = switch (random.nextInt(3)) {
            case 0 -> Ticks.linux();
            case 1 -> Ticks.freebsd();
            default -> Ticks.macos();
        };
        String[] junk = {"", "abc", "-5", "0", "1", "99999999999999999999", "10 5", "32768 60999", "2"};
        for (String key : List.of("net.ipv4.tcp_syncookies", "net.ipv4.tcp_max_syn_backlog", "net.ipv4.ip_local_port_range",
                "net.inet.tcp.syncookies", "net.inet.ip.portrange.first", "net.inet.ip.portrange.last", "net.inet.tcp.msl")) {
            if (random.nextBoolean()) {
                h.tunable(key, junk[random.nextInt(junk.length)]);
            }
        }
        CounterId[] ids = CounterId.values();
        TcpState[] states = TcpState.values();
        int ticks = 1 + random.nextInt(90);
        for (int i = 0; i < ticks; i++) {
            if (random.nextInt(10) == 0) {
                h.drop(ids[random.nextInt(ids.length)]);
            }
            h.run(1, t -> {
                if (random.nextInt(5) == 0) {
                    t.noStates();
                }
                for (TcpState s : states) {
                    if (random.nextBoolean()) {
                        t.state(s, random.nextInt(4) == 0 ? random.nextInt(100_000) : random.nextInt(50));
                    }
                }
                for (int k = random.nextInt(4); k > 0; k--) {
                    t.listener(random.nextInt(65536), random.nextInt(300), random.nextInt(300), random.nextInt(300) - 1);
                }
                for (CounterId id : ids) {
                    int r = random.nextInt(8);
                    if (id.kind() == CounterId.Kind.GAUGE && r < 2) {
                        t.gauge(id, random.nextInt(20_000) - (r == 0 ? 100 : 0));
                    } else if (r == 0) {
                        t.inc(id, random.nextInt(5000));
                    } else if (r == 1) {
                        t.inc(id, -random.nextInt(5000)); // a counter reset
                    }
                }
                if (random.nextBoolean()) {
                    t.remote(states[random.nextInt(states.length)], "192.0.2." + random.nextInt(255), random.nextInt(500));
                }
            });
        }
        String[] lines = {"sustain.samples = " + (1 + random.nextInt(30)), "syn.queue.full = 0.5", "backlog.small = 0"};
        Thresholds t = Thresholds.parse(List.of(lines[random.nextInt(lines.length)])).thresholds();
        List<Verdict> vs = h.verdicts(t);
        List<Verdict> sorted = new ArrayList<>(vs);
        sorted.sort(Detectors.MOST_SEVERE_FIRST);
        assertEquals(sorted, vs);
        for (Verdict v : vs) {
            assertFalse(v.summary().isBlank());
            assertFalse(v.evidence().contains("NaN") || v.evidence().contains("Infinity"), v::evidence);
        }
        assertTrue(vs.size() <= 11 + 4 * 90);
    }
}
