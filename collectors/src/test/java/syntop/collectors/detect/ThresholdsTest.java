package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ThresholdsTest {
    @Test
    void emptyTextGivesTheDefaults() {
        Thresholds.Loaded l = Thresholds.parse(List.of());
        assertEquals(Thresholds.defaults(), l.thresholds());
        assertTrue(l.warnings().isEmpty());
    }

    @Test
    void overridesCommentsAndBothSeparators() {
        Thresholds.Loaded l = Thresholds.parse(List.of(
                "# stricter on this box",
                "",
                "sustain.samples = 3",
                "  SYN.DROPS.RATE: 2.5",
                "! properties-style comment",
                "backlog.small=8",
                "timewait.warn = 0.3"));
        Thresholds t = l.thresholds();
        assertTrue(l.warnings().isEmpty(), l.warnings().toString());
        assertEquals(3, t.sustainSamples());
        assertEquals(2.5, t.synDropRate());
        assertEquals(8, t.smallBacklog());
        assertEquals(0.3, t.timeWaitWarn());
        assertEquals(Thresholds.defaults().synCookieRate(), t.synCookieRate());
    }

    @Test
    void unknownKeysAndBadValuesAreReportedAndTheDefaultKept() {
        Thresholds.Loaded l = Thresholds.parse(List.of(
                "syn.flood = 3",
                "sustain.samples = many",
                "sustain.samples = 2.5",
                "syn.queue.full = -1",
                "pileup.warn = 10",
                "just words"));
        assertEquals(5, l.warnings().size(), l.warnings().toString());
        assertTrue(l.warnings().get(0).contains("line 1: unknown key 'syn.flood'"), l.warnings().get(0));
        assertTrue(l.warnings().get(1).contains("sustain.samples: 'many' is not a whole number"), l.warnings().get(1));
        assertTrue(l.warnings().get(2).contains("'2.5' is not a whole number"), l.warnings().get(2));
        assertTrue(l.warnings().get(3).contains("syn.queue.full: '-1' is not a number in 0.01..10"), l.warnings().get(3));
        assertTrue(l.warnings().get(4).contains("line 6: expected key = value"), l.warnings().get(4));
        assertEquals(5, l.thresholds().sustainSamples());
        assertEquals(0.9, l.thresholds().synQueueFull());
        assertEquals(10, l.thresholds().pileUpWarn());
    }

    @Test
    void aWarningLevelAboveItsCriticalLevelKeepsTheDefaultsOfBoth() {
        Thresholds.Loaded l = Thresholds.parse(List.of("pf.states.warn = 0.99", "pf.states.critical = 0.9"));
        assertEquals(1, l.warnings().size());
        assertTrue(l.warnings().get(0).startsWith("pf.states.warn (0.99) is above pf.states.critical (0.9)"));
        assertEquals(0.8, l.thresholds().pfStatesWarn());
        assertEquals(0.95, l.thresholds().pfStatesCritical());
    }

    @Test
    void everyKeyIsWrittenAndReadBack() {
        List<String> lines = Thresholds.defaults().toLines();
        assertEquals(Thresholds.keys().size(), lines.size());
        assertEquals("sustain.samples = 5", lines.get(0));
        assertTrue(lines.contains("syn.queue.full = 0.9"));
        Thresholds.Loaded back = Thresholds.parse(lines);
        assertTrue(back.warnings().isEmpty(), back.warnings().toString());
        assertEquals(Thresholds.defaults(), back.thresholds());
        for (String key : Thresholds.keys()) {
            assertTrue(Thresholds.defaults().get(key) != null, key);
        }
    }

    @Property
    void anyTextParsesWithoutThrowingAndKeepsTheLimits(@ForAll List<String> lines) {
        Thresholds t = Thresholds.parse(lines).thresholds();
        assertTrue(t.sustainSamples() >= 1 && t.sustainSamples() <= 30);
        assertTrue(t.timeWaitWarn() <= t.timeWaitCritical());
        assertTrue(t.pileUpWarn() <= t.pileUpCritical());
    }

    @Property
    void anyValueOfAKeyIsEitherTakenOrWarnedAbout(@ForAll("keys") String key, @ForAll String value) {
        Thresholds.Loaded l = Thresholds.parse(List.of(key + " = " + value));
        boolean changed = !l.thresholds().get(key).equals(Thresholds.defaults().get(key));
        assertTrue(!changed || l.warnings().isEmpty());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> keys() {
        return net.jqwik.api.Arbitraries.of(Thresholds.keys());
    }
}
