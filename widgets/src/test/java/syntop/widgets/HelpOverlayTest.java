package syntop.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import syntop.themes.Role;

class HelpOverlayTest {

    private static final Map<Role, Character> LEGEND = Map.of(
            Role.DIALOG_BORDER, 'b', Role.DIALOG_TITLE, 't', Role.DIALOG, 'f', Role.DIALOG_KEY, 'K');

    private static final HelpOverlay HELP = HelpOverlay.of("Keys", List.of(
            new HelpOverlay.Entry("q", "quit"),
            new HelpOverlay.Entry("?", "help"),
            new HelpOverlay.Entry("t", "next theme"),
            new HelpOverlay.Entry("s", "sort")));

    @Test
    void twoColumnsWhenWideEnoughFirstHalfOnTheLeft() {
        Surface s = new Surface(40, 8, Glyphs.UNICODE);
        Region box = HELP.draw(s.canvas, s.all());
        assertEquals(new Region(3, 2, 34, 4), box);
        String l = "%%%";
        assertEquals(l + "┌─ Keys " + "─".repeat(25) + "┐" + l, s.row(2));
        assertEquals(l + "│ q  quit" + " ".repeat(10) + "t  next theme │" + l, s.row(3));
        assertEquals(l + "│ ?  help" + " ".repeat(10) + "s  sort       │" + l, s.row(4));
        assertEquals(l + "└" + "─".repeat(32) + "┘" + l, s.row(5));
        // key, description, padding and the gap between the columns
        assertEquals(l + "bfK" + "f".repeat(16) + "K" + "f".repeat(13) + "b" + l, s.roles(3, LEGEND));
    }

    @Test
    void oneColumnWhenNarrow() {
        Surface s = new Surface(20, 10, Glyphs.ASCII);
        Region box = HELP.draw(s.canvas, s.all());
        assertEquals(new Region(1, 2, 17, 6), box);
        assertEquals(String.join("\n",
                "+- Keys --------+",
                "| q  quit       |",
                "| ?  help       |",
                "| t  next theme |",
                "| s  sort       |",
                "+---------------+") + "\n", s.text(box));
    }

    @Test
    void cutRowsEndInAnEllipsisAndLongTextIsShortened() {
        Surface s = new Surface(12, 4, Glyphs.UNICODE);
        HELP.draw(s.canvas, s.all());
        assertEquals(String.join("\n",
                "┌─ Keys ───┐",
                "│ q  quit  │",
                "│ …        │",
                "└──────────┘"), s.text());
    }

    @Test
    void hintLineAtTheBottom() {
        Surface s = new Surface(40, 10, Glyphs.UNICODE);
        Region box = HELP.hint("[any key] close").draw(s.canvas, s.all());
        assertEquals(6, box.height());
        String hintRow = s.row(box.bottom() - 2, box.x(), box.right());
        assertEquals("│        [any key] close         │", hintRow);
    }

    @Test
    void longDescriptionsAreEllipsized() {
        HelpOverlay h = HelpOverlay.of("", List.of(new HelpOverlay.Entry("x", "a very long description")));
        Surface s = new Surface(14, 3, Glyphs.UNICODE);
        h.draw(s.canvas, s.all());
        assertEquals("│ x  a very… │", s.row(1));
    }
}
