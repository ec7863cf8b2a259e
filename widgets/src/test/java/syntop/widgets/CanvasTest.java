package syntop.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.BasicTextImage;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import syntop.themes.Role;
import syntop.themes.Style;
import syntop.themes.Theme;

class CanvasTest {

    private static final Map<Role, Character> LEGEND = Map.of(Role.OK, 'o', Role.WARN, 'w', Role.DEFAULT, 'd');

    @Test
    void textIsClippedToTheClipRegion() {
        Surface s = new Surface(10, 1, Glyphs.UNICODE);
        int end = s.canvas.text(new Region(2, 0, 4, 1), 1, 0, "abcdefgh", Role.OK);
        assertEquals("%%bcde%%%%", s.row(0));
        assertEquals("%%oooo%%%%", s.roles(0, LEGEND));
        assertEquals(9, end);
    }

    @Test
    void textOutsideTheClipRowsDrawsNothing() {
        Surface s = new Surface(5, 3, Glyphs.UNICODE);
        s.canvas.text(new Region(0, 1, 5, 1), 0, 0, "abc", Role.OK);
        s.canvas.text(new Region(0, 1, 5, 1), 0, 2, "abc", Role.OK);
        assertEquals("%%%%%\n%%%%%\n%%%%%", s.text());
    }

    @Test
    void textIsClippedToTheCanvasToo() {
        Surface s = new Surface(4, 1, Glyphs.UNICODE);
        s.canvas.text(new Region(-5, -5, 50, 50), -2, 0, "abcdefgh", Role.OK);
        assertEquals("cdef", s.row(0));
    }

    @Test
    void wideCharacterIsDrawnWholeOrReplacedByASpace() {
        Surface s = new Surface(6, 2, Glyphs.UNICODE);
        s.canvas.text(new Region(0, 0, 4, 1), 0, 0, "a漢字", Role.OK);
        // 漢 fits in columns 1-2; 字 would need 3-4 but only 3 is inside: a space instead
        assertEquals("a漢 %%", s.row(0));
        assertTrue(s.at(1, 0).isDoubleWidth());
        assertEquals(Role.OK, s.role(2, 0));
        assertEquals(Role.OK, s.role(3, 0));
        // starting inside the right half: the left part of the clip gets a space
        s.canvas.text(new Region(1, 1, 5, 1), 0, 1, "漢b", Role.WARN);
        assertEquals("% b%%%", s.row(1));
        assertEquals("%ww%%%", s.roles(1, LEGEND));
    }

    @Test
    void putAndFillRespectTheClip() {
        Surface s = new Surface(5, 3, Glyphs.UNICODE);
        Region clip = new Region(1, 1, 3, 1);
        s.canvas.put(clip, 0, 1, 'x', Role.OK);
        s.canvas.put(clip, 1, 1, 'y', Role.OK);
        s.canvas.put(clip, 3, 2, 'z', Role.OK);
        s.canvas.fill(new Region(3, 0, 9, 1), '#', Role.WARN);
        assertEquals("%%%##\n%y%%%\n%%%%%", s.text());
    }

    @Test
    void twoRoleCellTakesForegroundAndModifiersFromTheFirstAndBackgroundFromTheSecond() {
        Theme t = Theme.of("t", Map.of(Role.OK, Style.parse("red on blue bold"), Role.WARN, Style.parse("green on yellow")));
        Surface s = new Surface(1, 1, Glyphs.UNICODE);
        Canvas c = new Canvas(s.image.newTextGraphics(), new Palette(t), Glyphs.UNICODE);
        c.put(s.all(), 0, 0, '▌', Role.OK, Role.WARN);
        TextCharacter ch = s.at(0, 0);
        assertEquals(TextColor.ANSI.RED, ch.getForegroundColor());
        assertEquals(TextColor.ANSI.YELLOW, ch.getBackgroundColor());
        assertTrue(ch.getModifiers().contains(SGR.BOLD));
    }

    @Test
    void textLineHelpersAlignInsideTheRegion() {
        Surface s = new Surface(9, 4, Glyphs.UNICODE);
        Region r = new Region(1, 0, 7, 4);
        TextLine.left(s.canvas, r, 0, "ab", Role.OK);
        TextLine.right(s.canvas, r, 1, "ab", Role.OK);
        TextLine.center(s.canvas, r, 2, "ab", Role.OK);
        TextLine.left(s.canvas, r, 3, "abcdefghij", Role.OK);
        assertEquals("%ab%%%%%%\n%%%%%%ab%\n%%%ab%%%%\n%abcdef…%", s.text());
    }

    @Test
    void textLineUsesTheAsciiEllipsisInAsciiMode() {
        Surface s = new Surface(5, 1, Glyphs.ASCII);
        TextLine.right(s.canvas, s.all(), 0, "abcdefg", Role.OK);
        assertEquals("abcd~", s.row(0));
    }

    @Test
    void keyedLineColoursBracketedKeys() {
        Surface s = new Surface(24, 1, Glyphs.UNICODE);
        Map<Role, Character> legend = Map.of(Role.DIALOG, 't', Role.DIALOG_KEY, 'K');
        int end = TextLine.keyed(s.canvas, s.all(), 0, 0, "[y] yes  [n] no [x", Role.DIALOG, Role.DIALOG_KEY);
        assertEquals("[y] yes  [n] no [x%%%%%%", s.row(0));
        assertEquals("KKKttttttKKKtttttt%%%%%%", s.roles(0, legend));
        assertEquals(18, end);
    }

    @Test
    void clearRowPaintsTheRow() {
        Surface s = new Surface(3, 2, Glyphs.UNICODE);
        TextLine.clear(s.canvas, s.all(), 1, Role.WARN);
        assertEquals("%%%\n   ", s.text());
        assertEquals("www", s.roles(1, LEGEND));
    }

    @Test
    void drawsThroughAScreenOntoAVirtualTerminal() throws IOException {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(12, 3));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        try {
            Palette p = new Palette(Surface.THEME);
            Canvas c = new Canvas(screen.newTextGraphics(), p, Glyphs.UNICODE);
            Region all = Region.of(screen.getTerminalSize());
            c.fill(all, '.', Role.DEFAULT);
            c.text(all, 2, 0, "title", Role.TITLE);
            c.text(new Region(0, 1, 5, 1), 1, 1, "a漢b字", Role.OK);
            screen.refresh();
            assertEquals("..title.....", row(vt, 0));
            // the terminal shows the wide character in both of its cells; 字 did not fit the clip
            assertEquals(".a漢漢b.......", row(vt, 1));
            assertEquals(p.foreground(Role.OK), vt.getBufferCharacter(2, 1).getForegroundColor());
            assertEquals(p.background(Role.OK), vt.getBufferCharacter(4, 1).getBackgroundColor());
            assertEquals(p.foreground(Role.DEFAULT), vt.getBufferCharacter(0, 1).getForegroundColor());
            assertEquals(p.foreground(Role.TITLE), vt.getBufferCharacter(3, 0).getForegroundColor());
        } finally {
            screen.stopScreen();
        }
    }

    @Test
    void aBufferedCanvasDrawsTheSamePictureThroughAScreen() throws IOException {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(12, 3));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        try {
            Palette p = new Palette(Surface.THEME);
            for (String wide : new String[] {"a漢b字", "x字y"}) {
                Canvas c = Canvas.buffered(screen.newTextGraphics(), p, Glyphs.UNICODE);
                Region all = Region.of(screen.getTerminalSize());
                c.fill(all, '.', Role.DEFAULT);
                c.text(all, 2, 0, "title", Role.TITLE);
                c.text(new Region(0, 1, 5, 1), 1, 1, wide, Role.OK);
                if (wide.startsWith("a")) {
                    assertEquals(" ", screen.getBackCharacter(0, 0).getCharacterString(), "nothing before flush");
                }
                c.flush();
                screen.refresh();
            }
            assertEquals("..title.....", row(vt, 0));
            // the second paint moved the wide character one cell left over the first one's
            assertEquals(".x字字y.......", row(vt, 1));
            assertEquals(p.foreground(Role.OK), vt.getBufferCharacter(2, 1).getForegroundColor());
        } finally {
            screen.stopScreen();
        }
    }

    @Test
    void aBufferedCanvasWritesOnlyTheCellsThatChanged() {
        int[] writes = {0};
        BasicTextImage image = new BasicTextImage(20, 2) {
            @Override
            public void setCharacterAt(int column, int row, TextCharacter character) {
                writes[0]++;
                super.setCharacterAt(column, row, character);
            }
        };
        Palette p = new Palette(Surface.THEME);
        Canvas first = Canvas.buffered(image.newTextGraphics(), p, Glyphs.UNICODE);
        first.clear(Region.of(image.getSize()), Role.DEFAULT);
        first.text(Region.of(image.getSize()), 0, 0, "rate 10/s", Role.OK);
        first.flush();
        assertEquals(40, writes[0], "the first paint writes every cell");
        writes[0] = 0;
        Canvas second = Canvas.buffered(image.newTextGraphics(), p, Glyphs.UNICODE);
        second.clear(Region.of(image.getSize()), Role.DEFAULT);
        second.text(Region.of(image.getSize()), 0, 0, "rate 12/s", Role.OK);
        second.flush();
        assertEquals(1, writes[0], "only the changed digit");
        assertEquals("2", image.getCharacterAt(6, 0).getCharacterString());
        assertEquals(p.foreground(Role.OK), image.getCharacterAt(6, 0).getForegroundColor());
    }

    /** Row {@code y} of the virtual terminal, cell by cell (a two-cell character shows in both). */
    private static String row(DefaultVirtualTerminal vt, int y) {
        StringBuilder sb = new StringBuilder();
        for (int x = 0; x < vt.getTerminalSize().getColumns(); x++) {
            sb.append(vt.getBufferCharacter(x, y).getCharacterString());
        }
        return sb.toString();
    }
}
