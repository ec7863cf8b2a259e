package syntop.collectors.detect;

import static syntop.collectors.detect.Verdicts.contains;
import static syntop.collectors.detect.Verdicts.none;
import static syntop.collectors.detect.Verdicts.one;
import static syntop.collectors.detect.Verdicts.only;
import static syntop.collectors.detect.Verdicts.quiet;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.TcpState;

class SurgeDetectorTest {
    private static Ticks usual() {
        return Ticks.linux().run(70, t -> t.state(TcpState.ESTABLISHED, 100).inc(CounterId.RESETS_SENT, 5)
                .inc(CounterId.ESTAB_RESETS, 1).inc(CounterId.SEGMENTS_RETRANSMITTED, 20));
    }

    @Test
    void resetsFarAboveTheirBaselineAreASurge() {
        Ticks h = usual().run(5, t -> t.state(TcpState.ESTABLISHED, 100).inc(CounterId.RESETS_SENT, 800)
                .inc(CounterId.ESTAB_RESETS, 1).inc(CounterId.SEGMENTS_RETRANSMITTED, 20));
        Verdict v = only(h.verdicts(), Verdict.Kind.RESET_SURGE, Verdict.Severity.WARNING);
        contains(v, "RSTs sent 800/s over 5 samples vs usual 5/s (×160) (median of the 60 samples before)");
    }

    @Test
    void retransmitsDuringASynFloodSayWhy() {
        Ticks h = usual().tunable("net.ipv4.tcp_syncookies", "0").run(5, t -> t.state(TcpState.SYN_RCVD, 129)
                .listener(8080, 0, 129, 128).inc(CounterId.SEGMENTS_RETRANSMITTED, 600)
                .inc(CounterId.LISTEN_DROPS, 1871).inc(CounterId.SYN_QUEUE_FULL_DROPS, 1871));
        Verdict v = one(h.verdicts(), Verdict.Kind.RETRANSMIT_SURGE);
        contains(v, "retransmits 600/s", "129 half-open connections: SYN-ACK retries count as retransmits");
        one(h.verdicts(), Verdict.Kind.SYN_FLOOD);
    }

    @Test
    void manyTimesATinyBaselineBelowTheFloorIsNothing() {
        Ticks h = Ticks.linux().run(70, t -> t.inc(CounterId.RESETS_SENT, 1))
                .run(5, t -> t.inc(CounterId.RESETS_SENT, 30));
        quiet(h.verdicts());
    }

    @Test
    void aQuietHostNeedsOnlyTheFloor() {
        Ticks h = Ticks.linux().quiet(70).run(5, t -> t.inc(CounterId.RESETS_SENT, 60));
        one(h.verdicts(), Verdict.Kind.RESET_SURGE);
    }

    @Test
    void aSingleSpikeIsNothing() {
        Ticks h = usual().run(1, t -> t.inc(CounterId.RESETS_SENT, 50000).inc(CounterId.SEGMENTS_RETRANSMITTED, 90000))
                .run(4, t -> t.inc(CounterId.RESETS_SENT, 5));
        quiet(h.verdicts());
    }

    @Test
    void tooLittleHistoryMakesNoBaseline() {
        Ticks h = Ticks.linux().run(10, t -> t.inc(CounterId.RESETS_SENT, 5)).run(5, t -> t.inc(CounterId.RESETS_SENT, 900));
        quiet(h.verdicts());
    }

    @Test
    void endsWhenTheRateFalls() {
        Ticks h = usual().run(5, t -> t.inc(CounterId.SEGMENTS_RETRANSMITTED, 3000));
        one(h.verdicts(), Verdict.Kind.RETRANSMIT_SURGE);
        h.run(4, t -> t.inc(CounterId.SEGMENTS_RETRANSMITTED, 20));
        none(h.verdicts(), Verdict.Kind.RETRANSMIT_SURGE);
    }

    @Test
    void aSurgeThatLastsBecomesTheBaseline() {
        Ticks h = usual().run(5, t -> t.inc(CounterId.RESETS_SENT, 800));
        one(h.verdicts(), Verdict.Kind.RESET_SURGE);
        h.run(40, t -> t.inc(CounterId.RESETS_SENT, 800));
        none(h.verdicts(), Verdict.Kind.RESET_SURGE);
    }

    @Test
    void unknownRatesNeverFire() {
        Ticks h = usual().drop(CounterId.RESETS_SENT).drop(CounterId.ESTAB_RESETS).drop(CounterId.SEGMENTS_RETRANSMITTED)
                .run(10, t -> t.state(TcpState.ESTABLISHED, 100));
        quiet(h.verdicts());
    }
}
