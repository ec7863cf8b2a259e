package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static syntop.collectors.detect.Verdicts.contains;
import static syntop.collectors.detect.Verdicts.only;
import static syntop.collectors.detect.Verdicts.quiet;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.CounterId;

class PfStateTableDetectorTest {
    private static Ticks.Tick states(Ticks.Tick t, long states) {
        return t.gauge(CounterId.PF_STATES, states).gauge(CounterId.PF_STATE_LIMIT, 10000);
    }

    @Test
    void eightyPercentWarnsAndNinetyFiveIsCritical() {
        Ticks warn = Ticks.freebsd().quiet(5).run(5, t -> states(t, 8500));
        Verdict v = only(warn.verdicts(), Verdict.Kind.PF_STATE_TABLE_FULL, Verdict.Severity.WARNING);
        assertEquals("pf state table 85% full", v.summary());
        contains(v, "8500 of 10000 pf states (85%)", "0 memory drops/s");
        Ticks critical = Ticks.freebsd().quiet(5).run(5, t -> states(t, 9700));
        assertEquals(Verdict.Severity.CRITICAL, only(critical.verdicts(), Verdict.Kind.PF_STATE_TABLE_FULL).severity());
    }

    @Test
    void risingMemoryDropsAreCriticalEvenBelowTheLevels() {
        // the table filled a moment ago and states expire between samples; refusals keep counting
        Ticks h = Ticks.freebsd().quiet(5).run(5, t -> states(t, 7000).inc(CounterId.PF_MEMORY_DROPS, 120));
        Verdict v = only(h.verdicts(), Verdict.Kind.PF_STATE_TABLE_FULL, Verdict.Severity.CRITICAL);
        contains(v, "120 memory drops/s (states refused)", "refuses new connections of every service");
    }

    @Test
    void aLargeOldMemoryTotalIsNotATableFull() {
        // an OpenBSD capture shows 423433 memory drops in total; what matters is whether it rises now
        Ticks h = Ticks.freebsd().run(1, t -> states(t, 5000).inc(CounterId.PF_MEMORY_DROPS, 423433))
                .run(10, t -> states(t, 5000));
        quiet(h.verdicts());
    }

    @Test
    void endsWhenStatesExpire() {
        Ticks h = Ticks.freebsd().run(5, t -> states(t, 9900).inc(CounterId.PF_MEMORY_DROPS, 50));
        only(h.verdicts(), Verdict.Kind.PF_STATE_TABLE_FULL);
        h.run(5, t -> states(t, 3000));
        quiet(h.verdicts());
    }

    @Test
    void withoutPfNothingFires() {
        Ticks h = Ticks.linux().quiet(10);
        quiet(h.verdicts());
        Ticks noLimit = Ticks.freebsd().run(5, t -> t.gauge(CounterId.PF_STATES, 9999));
        quiet(noLimit.verdicts());
        Ticks zeroLimit = Ticks.freebsd().run(5, t -> t.gauge(CounterId.PF_STATES, 9999).gauge(CounterId.PF_STATE_LIMIT, 0));
        quiet(zeroLimit.verdicts());
    }
}
