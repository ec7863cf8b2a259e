package syntop.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import syntop.themes.Role;

class BoxTest {

    private static final Map<Role, Character> LEGEND = Map.of(
            Role.BORDER, 'b', Role.FOCUS_BORDER, 'F', Role.TITLE, 't', Role.DIALOG, 'f', Role.CRITICAL, 'c');

    @Test
    void borderTitleAndUntouchedInside() {
        Surface s = new Surface(14, 4, Glyphs.UNICODE);
        Region inner = Box.of("Title").draw(s.canvas, s.all());
        assertEquals(new Region(1, 1, 12, 2), inner);
        assertEquals(String.join("\n",
                "┌─ Title ────┐",
                "│%%%%%%%%%%%%│",
                "│%%%%%%%%%%%%│",
                "└────────────┘"), s.text());
        assertEquals("bbtttttttbbbbb", s.roles(0, LEGEND));
        assertEquals("b%%%%%%%%%%%%b", s.roles(1, LEGEND));
        assertEquals("bbbbbbbbbbbbbb", s.roles(3, LEGEND));
    }

    @Test
    void asciiBorder() {
        Surface s = new Surface(10, 3, Glyphs.ASCII);
        Box.of("ab").draw(s.canvas, s.all());
        assertEquals("+- ab ---+\n|%%%%%%%%|\n+--------+", s.text());
    }

    @Test
    void focusChangesTheBorderRole() {
        Surface s = new Surface(8, 3, Glyphs.UNICODE);
        Box.of("").focused(true).draw(s.canvas, s.all());
        assertEquals("FFFFFFFF", s.roles(0, LEGEND));
        assertEquals("F%%%%%%F", s.roles(1, LEGEND));
        Surface o = new Surface(8, 3, Glyphs.UNICODE);
        Box.of("").focused(true).borderRole(Role.CRITICAL).draw(o.canvas, o.all());
        assertEquals("cccccccc", o.roles(2, LEGEND));
    }

    @Test
    void infoAtTheRightGoesFirstWhenShort() {
        Surface wide = new Surface(20, 2, Glyphs.UNICODE);
        Box.of("Title").info("3/9").draw(wide.canvas, wide.all());
        assertEquals("┌─ Title ──── 3/9 ─┐", wide.row(0));
        Surface mid = new Surface(12, 2, Glyphs.UNICODE);
        Box.of("Title").info("3/9").draw(mid.canvas, mid.all());
        assertEquals("┌─ Title ──┐", mid.row(0));
        Surface narrow = new Surface(8, 2, Glyphs.UNICODE);
        Box.of("Title").info("3/9").draw(narrow.canvas, narrow.all());
        assertEquals("┌─ T… ─┐", narrow.row(0));
        Surface tiny = new Surface(6, 2, Glyphs.UNICODE);
        Box.of("Title").draw(tiny.canvas, tiny.all());
        assertEquals("┌────┐\n└────┘", tiny.text());
    }

    @Test
    void fillClearsTheInside() {
        Surface s = new Surface(5, 3, Glyphs.UNICODE);
        Box.of("").fill(Role.DIALOG).draw(s.canvas, s.all());
        assertEquals("│   │", s.row(1));
        assertEquals("bfffb", s.roles(1, LEGEND));
    }

    @Test
    void tooSmallForABorderDrawsNothingAndGivesTheWholeRegion() {
        Surface s = new Surface(5, 3, Glyphs.UNICODE);
        Region r = new Region(1, 1, 3, 1);
        assertEquals(r, Box.of("Title").draw(s.canvas, r));
        assertEquals("%%%%%\n%%%%%\n%%%%%", s.text());
        Region col = new Region(1, 0, 1, 3);
        assertEquals(col, Box.of("Title").draw(s.canvas, col));
        assertEquals("%%%%%\n%%%%%\n%%%%%", s.text());
        Surface two = new Surface(2, 2, Glyphs.UNICODE);
        Region inner = Box.of("Title").draw(two.canvas, two.all());
        assertEquals("┌┐\n└┘", two.text());
        assertEquals(0, inner.width());
    }

    @Test
    void innerOfARegion() {
        assertEquals(new Region(3, 4, 8, 1), Box.inner(new Region(2, 3, 10, 3)));
        assertEquals(new Region(2, 3, 1, 9), Box.inner(new Region(2, 3, 1, 9)));
    }
}
