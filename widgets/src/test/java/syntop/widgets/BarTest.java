package syntop.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import syntop.themes.Role;

class BarTest {

    private static final Map<Role, Character> LEGEND = Map.ofEntries(
            Map.entry(Role.LABEL, 'l'), Map.entry(Role.BAR_OK, 'o'), Map.entry(Role.BAR_WARN, 'w'),
            Map.entry(Role.BAR_CRITICAL, 'c'), Map.entry(Role.BAR_EMPTY, '.'), Map.entry(Role.BAR_INNER, 'i'),
            Map.entry(Role.VALUE, 'v'), Map.entry(Role.WARN, 'W'), Map.entry(Role.CRITICAL, 'C'),
            Map.entry(Role.DIM, 'd'), Map.entry(Role.DEFAULT, ' '));

    private static Surface draw(Bar bar, int width, Glyphs glyphs) {
        Surface s = new Surface(width, 1, glyphs);
        bar.draw(s.canvas, s.all());
        return s;
    }

    @Test
    void halfFillsExactlyHalfTheCells() {
        // 17 columns = 10 bar cells + space + "50/100"
        Surface u = draw(Bar.of("", 50, 100), 17, Glyphs.UNICODE);
        assertEquals("█████····· 50/100", u.row(0));
        assertEquals("ooooo..... vvvvvv", u.roles(0, LEGEND));
        Surface a = draw(Bar.of("", 50, 100), 17, Glyphs.ASCII);
        assertEquals("#####..... 50/100", a.row(0));
        assertEquals("ooooo..... vvvvvv", a.roles(0, LEGEND));
    }

    @Test
    void emptyAndFull() {
        assertEquals("·········· 0/100", draw(Bar.of("", 0, 100), 16, Glyphs.UNICODE).row(0));
        assertEquals("██████████ 100/100", draw(Bar.of("", 100, 100), 18, Glyphs.UNICODE).row(0));
        assertEquals("########## 100/100", draw(Bar.of("", 100, 100), 18, Glyphs.ASCII).row(0));
    }

    @Test
    void unicodeFillsInEighthsAsciiRoundsToWholeCells() {
        // 55% of 10 cells = 5.5 cells = 5 full + 4/8
        Surface u = draw(Bar.of("", 55, 100), 17, Glyphs.UNICODE);
        assertEquals("█████▌···· 55/100", u.row(0));
        // the partial cell: fill colour in front, empty colour behind
        assertEquals(Role.BAR_OK, u.fg(5, 0));
        assertEquals(Role.BAR_EMPTY, u.bg(5, 0));
        assertEquals("######.... 55/100", draw(Bar.of("", 55, 100), 17, Glyphs.ASCII).row(0));
        // one eighth of one cell
        assertEquals("▏········· 1/80", draw(Bar.of("", 1, 80), 15, Glyphs.UNICODE).row(0));
        assertEquals(".......... 1/80", draw(Bar.of("", 1, 80), 15, Glyphs.ASCII).row(0));
    }

    @Test
    void overTheLimitFillsTheBarButTheTextShowsTheRealNumbers() {
        Surface s = draw(Bar.of("", 150, 100).thresholds(0.7, 0.9), 18, Glyphs.UNICODE);
        assertEquals("██████████ 150/100", s.row(0));
        assertEquals("cccccccccc CCCCCCC", s.roles(0, LEGEND));
        assertEquals("·········· -5/100", draw(Bar.of("", -5, 100), 17, Glyphs.UNICODE).row(0));
    }

    @Test
    void thresholdsChooseTheRoles() {
        assertEquals(Role.BAR_OK, Bar.of("", 69, 100).thresholds(0.7, 0.9).fillRole());
        assertEquals(Role.BAR_WARN, Bar.of("", 70, 100).thresholds(0.7, 0.9).fillRole());
        assertEquals(Role.BAR_CRITICAL, Bar.of("", 90, 100).thresholds(0.7, 0.9).fillRole());
        assertEquals(Role.BAR_OK, Bar.of("", 99, 100).fillRole());
        assertEquals(Role.BAR_WARN, Bar.of("", 99, 100).thresholds(0.5, Double.NaN).fillRole());
        Surface s = draw(Bar.of("", 7, 10).thresholds(0.7, 0.9), 15, Glyphs.ASCII);
        assertEquals("#######... 7/10", s.row(0));
        assertEquals("wwwwwww... WWWW", s.roles(0, LEGEND));
    }

    @Test
    void zeroLimitCountsAnyPositiveValueAsOver() {
        Bar b = Bar.of("", 3, 0).thresholds(0.7, 0.9);
        assertEquals(Role.BAR_CRITICAL, b.fillRole());
        assertEquals("#### 3/0", draw(b, 8, Glyphs.ASCII).row(0));
        assertEquals("···· 0/0", draw(Bar.of("", 0, 0).thresholds(0.7, 0.9), 8, Glyphs.UNICODE).row(0));
    }

    @Test
    void innerValueFillsTheFirstCells() {
        Surface u = draw(Bar.of("", 60, 100).inner(20), 17, Glyphs.UNICODE);
        assertEquals("▓▓████···· 60/100", u.row(0));
        assertEquals("iioooo.... vvvvvv", u.roles(0, LEGEND));
        Surface a = draw(Bar.of("", 60, 100).inner(20), 17, Glyphs.ASCII);
        assertEquals("==####.... 60/100", a.row(0));
        // an inner value larger than the value stops where the value stops
        assertEquals("▓▓▓······· 30/100", draw(Bar.of("", 30, 100).inner(80), 17, Glyphs.UNICODE).row(0));
    }

    @Test
    void labelAndColumnWidthsLineBarsUp() {
        Surface s = draw(Bar.of("ABC", 3, 4).labelWidth(5).textWidth(7), 20, Glyphs.UNICODE);
        assertEquals("ABC   ████▌·     3/4", s.row(0));
        // the partial cell has two roles (fill in front, empty behind): '?'
        assertEquals("lllll oooo?. vvvvvvv", s.roles(0, LEGEND));
        assertEquals(Role.VALUE, s.fg(19, 0));
    }

    @Test
    void customTexts() {
        assertEquals("load ██▊······ 1.2k/4k",
                draw(Bar.of("load", 1200, 4000).texts("1.2k", "4k"), 22, Glyphs.UNICODE).row(0));
        assertEquals("#... 0.5/1.5", draw(Bar.of("", 0.5, 1.5), 12, Glyphs.ASCII).row(0));
    }

    @Test
    void nanValueIsAnEmptyBarAndDimText() {
        Surface s = draw(Bar.of("q", Double.NaN, 100), 12, Glyphs.UNICODE);
        assertEquals("q ···· -/100", s.row(0));
        assertEquals("l .... ddddd", s.roles(0, LEGEND));
    }

    @Test
    void narrowBarsDropTheLimitThenTheTextAndShortenTheLabel() {
        Bar b = Bar.of("LABEL", 1234, 4096);
        assertEquals("LABEL ████▎········· 1234/4096", draw(b, 30, Glyphs.UNICODE).row(0));
        assertEquals("LAB… ▎ 1234/4096", draw(b, 16, Glyphs.UNICODE).row(0));
        assertEquals("L ▎ 1234", draw(b, 8, Glyphs.UNICODE).row(0));
        assertEquals("L ▎", draw(b, 3, Glyphs.UNICODE).row(0));
        assertEquals("▋·", draw(b, 2, Glyphs.UNICODE).row(0));
        assertEquals("▎", draw(b, 1, Glyphs.UNICODE).row(0));
    }

    @Test
    void numbersAreNeverCut() {
        Pattern whole = Pattern.compile("[^0-9]*(1234/4096|1234)?");
        for (int w = 1; w <= 30; w++) {
            String row = draw(Bar.of("LABEL", 1234, 4096), w, Glyphs.ASCII).row(0);
            assertTrue(whole.matcher(row).matches(), "width " + w + ": '" + row + "'");
        }
    }

    @Test
    void usesOnlyTheFirstRowOfATallRegion() {
        Surface s = new Surface(10, 3, Glyphs.ASCII);
        Bar.of("", 1, 2).draw(s.canvas, s.all());
        assertEquals("###... 1/2\n%%%%%%%%%%\n%%%%%%%%%%", s.text());
    }
}
