package syntop.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import syntop.themes.Role;

class SparklineTest {

    private static final double NaN = Double.NaN;

    private static String draw(Sparkline line, int width, Glyphs glyphs) {
        Surface s = new Surface(width, 1, glyphs);
        line.draw(s.canvas, s.all());
        return s.row(0);
    }

    @Test
    void everyLevelOnceFromZeroToTheMaximum() {
        Sparkline line = Sparkline.of(0, 1, 2, 3, 4, 5, 6, 7);
        assertEquals("▁▂▃▄▅▆▇█", draw(line, 8, Glyphs.UNICODE));
        assertEquals("_.-=+*#@", draw(line, 8, Glyphs.ASCII));
    }

    @Test
    void theMaximumMapsToTheTopGlyphWhateverItsSize() {
        assertEquals("▅█", draw(Sparkline.of(5, 10), 2, Glyphs.UNICODE));
        assertEquals("▅█", draw(Sparkline.of(50000, 100000), 2, Glyphs.UNICODE));
        assertEquals("+@", draw(Sparkline.of(0.5, 1.0), 2, Glyphs.ASCII));
    }

    @Test
    void anyPositiveValueIsAboveZero() {
        assertEquals("▁▂█", draw(Sparkline.of(0, 0.001, 1000), 3, Glyphs.UNICODE));
        assertEquals("▁▁▁", draw(Sparkline.of(0, -4, 0), 3, Glyphs.UNICODE));
    }

    @Test
    void nanIsAGap() {
        assertEquals("█ █", draw(Sparkline.of(1, NaN, 1), 3, Glyphs.UNICODE));
        assertEquals("@ @", draw(Sparkline.of(1, NaN, 1), 3, Glyphs.ASCII));
        assertEquals("   ", draw(Sparkline.of(NaN, NaN, NaN), 3, Glyphs.UNICODE));
    }

    @Test
    void shortSeriesIsRightAlignedToTheNewestValue() {
        assertEquals("   ▅█", draw(Sparkline.of(1, 2), 5, Glyphs.UNICODE));
        assertEquals("     ", draw(Sparkline.of(), 5, Glyphs.UNICODE));
    }

    @Test
    void longSeriesShowsTheLastPointsScaledToThatWindow() {
        // 100 has scrolled out of a 4-cell window: 4 is the maximum now
        assertEquals("▃▅▇█", draw(Sparkline.of(100, 1, 2, 3, 4), 4, Glyphs.UNICODE));
        // with 100 in the window the small values sit just above zero
        assertEquals("█▂▂▂▂", draw(Sparkline.of(100, 1, 2, 3, 4), 5, Glyphs.UNICODE));
    }

    @Test
    void fixedMaximum() {
        assertEquals("▅", draw(Sparkline.of(5).max(10), 1, Glyphs.UNICODE));
        assertEquals("█", draw(Sparkline.of(20).max(10), 1, Glyphs.UNICODE));
        assertEquals("█", draw(Sparkline.of(5).max(0), 1, Glyphs.UNICODE));      // 0: automatic
        assertEquals("▂█", draw(Sparkline.of(1, 100).max(NaN), 2, Glyphs.UNICODE));
    }

    @Test
    void levelFunction() {
        assertEquals(-1, Sparkline.level(NaN, 10, 8));
        assertEquals(0, Sparkline.level(0, 10, 8));
        assertEquals(1, Sparkline.level(1e-9, 10, 8));
        assertEquals(7, Sparkline.level(10, 10, 8));
        assertEquals(7, Sparkline.level(Double.POSITIVE_INFINITY, 10, 8));
        assertEquals(0, Sparkline.level(Double.NEGATIVE_INFINITY, 10, 8));
        assertEquals(7, Sparkline.level(3, 0, 8));
    }

    @Test
    void coloursAndCustomRole() {
        Surface s = new Surface(4, 1, Glyphs.UNICODE);
        Sparkline.of(1, 2).draw(s.canvas, s.all());
        assertEquals("ssss", s.roles(0, Map.of(Role.SPARKLINE, 's')));
        Surface c = new Surface(3, 1, Glyphs.UNICODE);
        Sparkline.of(1, 2, 3).role(Role.CRITICAL).draw(c.canvas, c.all());
        assertEquals("CCC", c.roles(0, Map.of(Role.CRITICAL, 'C')));
    }

    @Test
    void listFactoryTreatsNullAsAGap() {
        assertEquals("█ █", draw(Sparkline.of(Arrays.asList(2, null, 2.0)), 3, Glyphs.UNICODE));
        assertEquals(3, Sparkline.of(Arrays.asList(1, 2, 3)).preferredWidth());
    }

    @Test
    void inputArrayIsCopied() {
        double[] v = {1, 2};
        Sparkline line = Sparkline.of(v);
        v[1] = 0;
        assertEquals("▅█", draw(line, 2, Glyphs.UNICODE));
    }
}
