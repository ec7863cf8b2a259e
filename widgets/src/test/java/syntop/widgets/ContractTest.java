package syntop.widgets;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import syntop.themes.Role;

/**
 * Every widget, at every small size and at the canvas edges, in both glyph sets: no exception and
 * no cell drawn outside the region; widgets that own their region paint all of it.
 */
class ContractTest {

    private record Case(String name, BiConsumer<Canvas, Region> draw, boolean paintsAll, boolean paintsFirstRow) {
    }

    private static final String WIDE = "漢字 wide \uD83D\uDE00";

    private static List<Case> cases() {
        Table table = Table.of(
                        Table.Column.fixed("Name 漢", 5, Align.LEFT),
                        Table.Column.flex("Text", 1, Align.LEFT),
                        Table.Column.fixed("N", 3, Align.RIGHT))
                .rows(List.of(Table.Row.of("a", WIDE, "1"), Table.Row.of("bb", "x", "22"),
                        Table.Row.of(Role.WARN, "ccc", "y", "333"), Table.Row.of("d"), Table.Row.of("e", "", "5")))
                .selected(3).sortedBy(1, false);
        return List.of(
                new Case("bar", Bar.of("LABEL " + WIDE, 1234, 4096).inner(100).thresholds(0.2, 0.5)::draw, false, true),
                new Case("bar-nan", Bar.of("", Double.NaN, 0)::draw, false, true),
                new Case("sparkline", Sparkline.of(1, Double.NaN, 3, 7, 0, 9, 2)::draw, false, true),
                new Case("table", table::draw, true, true),
                new Case("chip", Chip.of(WIDE, "ok", Role.CHIP_OK)::draw, false, false),
                new Case("box", (c, r) -> Box.of("Title " + WIDE).info("1/2").focused(true).fill(Role.DIALOG).draw(c, r), true, true),
                new Case("dialog", (c, r) -> Dialog.of("Title " + WIDE, List.of(WIDE, "second line"), "[y] yes  [n] no").draw(c, r), false, false),
                new Case("help", (c, r) -> HelpOverlay.of("Keys", List.of(new HelpOverlay.Entry("q", "quit"),
                        new HelpOverlay.Entry("漢", WIDE), new HelpOverlay.Entry("?", "help"))).hint("[x]").draw(c, r), false, false),
                new Case("text-left", (c, r) -> TextLine.left(c, r, 0, WIDE, Role.OK), false, false),
                new Case("text-right", (c, r) -> TextLine.right(c, r, 0, WIDE, Role.OK), false, false),
                new Case("text-center", (c, r) -> TextLine.center(c, r, 1, WIDE, Role.OK), false, false),
                new Case("text-put-outside", (c, r) -> {
                    TextLine.put(c, r, -3, 0, WIDE, Role.OK);
                    TextLine.put(c, r, 2, 5, WIDE, Role.OK);
                    TextLine.put(c, r, 0, -1, WIDE, Role.OK);
                }, false, false),
                new Case("text-keyed", (c, r) -> TextLine.keyed(c, r, 1, 0, "[漢] a [b] c", Role.DIALOG, Role.DIALOG_KEY), false, false),
                new Case("clear-row", (c, r) -> TextLine.clear(c, r, 1, Role.OK), false, false));
    }

    private static List<Region> regions() {
        List<Region> out = new ArrayList<>();
        for (int w : new int[] {0, 1, 2, 3, 4, 9}) {
            for (int h : new int[] {0, 1, 2, 3, 6}) {
                out.add(new Region(2, 1, w, h));
            }
        }
        out.add(new Region(12, 7, 9, 6));     // hangs off the right and bottom of the canvas
        out.add(new Region(-3, -2, 8, 5));    // starts above and left of it
        out.add(new Region(0, 0, 16, 10));    // the whole canvas
        return out;
    }

    @TestFactory
    Stream<DynamicTest> widgetsStayInsideTheirRegion() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            for (Glyphs g : List.of(Glyphs.UNICODE, Glyphs.ASCII)) {
                tests.add(DynamicTest.dynamicTest(c.name + " " + g.name(), () -> check(c, g)));
            }
        }
        return tests.stream();
    }

    private static void check(Case c, Glyphs glyphs) {
        for (Region r : regions()) {
            Surface s = new Surface(16, 10, glyphs);
            try {
                c.draw.accept(s.canvas, r);
            } catch (RuntimeException e) {
                fail(c.name + " in " + r + " threw " + e, e);
            }
            Region visible = r.intersect(s.all());
            for (int y = 0; y < 10; y++) {
                for (int x = 0; x < 16; x++) {
                    if (!r.contains(x, y)) {
                        assertTrue(s.untouched(x, y), c.name + " in " + r + " drew outside at " + x + "," + y
                                + "\n" + s.text());
                    } else if (c.paintsAll || (c.paintsFirstRow && y == r.y())) {
                        if (visible.contains(x, y)) {
                            assertTrue(!s.untouched(x, y), c.name + " in " + r + " left " + x + "," + y
                                    + " unpainted\n" + s.text());
                        }
                    }
                }
            }
        }
    }
}
