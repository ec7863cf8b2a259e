package syntop.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import syntop.themes.Role;

class DialogTest {

    private static final Map<Role, Character> LEGEND = Map.of(
            Role.DIALOG_BORDER, 'b', Role.DIALOG_TITLE, 't', Role.DIALOG, 'f', Role.DIALOG_KEY, 'K',
            Role.CRITICAL, 'c');

    private static final Dialog REMOVE = Dialog.of("Drop?", List.of("Remove 3 items."), "[y] yes  [n] no");

    @Test
    void centredBoxWithBodyBlankLineAndHint() {
        Surface s = new Surface(30, 9, Glyphs.UNICODE);
        Region box = REMOVE.draw(s.canvas, s.all());
        assertEquals(new Region(5, 2, 19, 5), box);
        String out = "%".repeat(5);
        String right = "%".repeat(6);
        assertEquals(String.join("\n",
                "%".repeat(30),
                "%".repeat(30),
                out + "┌─ Drop? ─────────┐" + right,
                out + "│ Remove 3 items. │" + right,
                out + "│                 │" + right,
                out + "│ [y] yes  [n] no │" + right,
                out + "└─────────────────┘" + right,
                "%".repeat(30),
                "%".repeat(30)), s.text());
        assertEquals(out + "bbtttttttbbbbbbbbbb" + right, s.roles(2, LEGEND));
        assertEquals(out + "bfffffffffffffffffb" + right, s.roles(3, LEGEND));
        assertEquals(out + "bfKKKffffffKKKffffb" + right, s.roles(5, LEGEND));
    }

    @Test
    void asciiDialog() {
        Surface s = new Surface(19, 5, Glyphs.ASCII);
        REMOVE.draw(s.canvas, s.all());
        assertEquals(String.join("\n",
                "+- Drop? ---------+",
                "| Remove 3 items. |",
                "|                 |",
                "| [y] yes  [n] no |",
                "+-----------------+"), s.text());
    }

    @Test
    void longBodyIsWrappedWithinMaxWidth() {
        Dialog d = Dialog.of("T", List.of("one two three four five six"), "[q]").maxWidth(14);
        Surface s = new Surface(20, 9, Glyphs.UNICODE);
        Region box = d.draw(s.canvas, s.all());
        assertEquals(14, box.width());
        assertEquals(7, box.height());
        assertEquals(String.join("\n",
                "┌─ T ────────┐",
                "│ one two    │",
                "│ three four │",
                "│ five six   │",
                "│            │",
                "│    [q]     │",
                "└────────────┘") + "\n", s.text(box));
    }

    @Test
    void smallScreenKeepsTheHintAndCutsTheBodyWithAnEllipsis() {
        Surface s = new Surface(12, 4, Glyphs.UNICODE);
        Region box = REMOVE.draw(s.canvas, s.all());
        assertEquals(new Region(0, 0, 12, 4), box);
        assertEquals(String.join("\n",
                "┌─ Drop? ──┐",
                "│ Remove … │",
                "│ [y] yes  │",
                "└──────────┘"), s.text());
    }

    @Test
    void borderRoleCanSignalDanger() {
        Surface s = new Surface(19, 5, Glyphs.UNICODE);
        REMOVE.border(Role.CRITICAL).draw(s.canvas, s.all());
        assertEquals("c", s.roles(4, LEGEND).substring(0, 1));
        assertEquals(Role.CRITICAL, s.role(18, 2));
    }

    @Test
    void tinyScreensDoNotThrowAndStayInside() {
        for (int w = 0; w <= 6; w++) {
            for (int h = 0; h <= 4; h++) {
                Surface s = new Surface(8, 6, Glyphs.UNICODE);
                Region screen = new Region(1, 1, w, h);
                Region box = REMOVE.draw(s.canvas, screen);
                assertTrue(box.isEmpty() || screen.intersect(box).equals(box), w + "x" + h + " " + box);
                for (int y = 0; y < 6; y++) {
                    for (int x = 0; x < 8; x++) {
                        if (!screen.contains(x, y)) {
                            assertTrue(s.untouched(x, y), w + "x" + h + " drew at " + x + "," + y);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aLongBodyScrollsAndSaysWhereItIs() {
        List<String> body = List.of("one", "two", "three", "four", "five", "six");
        Dialog d = Dialog.of("T", body, "[q] quit").maxWidth(60);
        Region screen = new Region(0, 0, 60, 8);
        assertEquals(new Dialog.Window(0, 4, 6), d.window(screen));
        Surface s = new Surface(60, 8, Glyphs.UNICODE);
        d.scroll(99).draw(s.canvas, screen);
        String text = s.text();
        assertTrue(text.contains("three") && text.contains("six") && !text.contains("two"), text);
        assertTrue(text.contains("lines 3-6 of 6") && !text.contains("more below"), text);
        assertTrue(d.scroll(99).window(screen).atEnd());
        assertTrue(!d.window(screen).atEnd());
    }

    @Test
    void wrappedLinesKeepTheirIndent() {
        assertEquals(List.of("  nft add", "    element inet", "    syntop"), Dialog.wrapIndented("  nft add element inet syntop", 16));
    }
}
