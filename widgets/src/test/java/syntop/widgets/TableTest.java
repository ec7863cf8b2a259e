package syntop.widgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import syntop.themes.Role;

class TableTest {

    private static final Map<Role, Character> LEGEND = Map.of(
            Role.COLUMN_HEADER, 'h', Role.SORTED_COLUMN, 'S', Role.DEFAULT, 'd', Role.SELECTED, '#',
            Role.WARN, 'w', Role.CRITICAL, 'c', Role.DIM, '.');

    private static final Table FRUIT = Table.of(
                    Table.Column.fixed("Name", 6, Align.LEFT),
                    Table.Column.flex("Note", 1, Align.LEFT),
                    Table.Column.fixed("Qty", 4, Align.RIGHT))
            .rows(List.of(
                    Table.Row.of(Role.WARN, "apple", "red fruit", "12"),
                    Table.Row.of("banana", "yellow and long", "7"),
                    Table.Row.of("cherry", "", "300").withCellRole(2, Role.CRITICAL)));

    private static Surface draw(Table t, int w, int h, Glyphs glyphs) {
        Surface s = new Surface(w, h, glyphs);
        t.draw(s.canvas, s.all());
        return s;
    }

    @Test
    void headerRowsTruncationAndAlignment() {
        Surface s = draw(FRUIT, 20, 5, Glyphs.UNICODE);
        assertEquals(String.join("\n",
                "Name   Note      Qty",
                "apple  red fru…   12",
                "banana yellow …    7",
                "cherry           300",
                "                    "), s.text());
        assertEquals("hhhhhhhhhhhhhhhhhhhh", s.roles(0, LEGEND));
        assertEquals("wwwwwwwwwwwwwwwwwwww", s.roles(1, LEGEND));
        assertEquals("dddddddddddddddddddd", s.roles(2, LEGEND));
        assertEquals("ddddddddddddddddcccc", s.roles(3, LEGEND));
        assertEquals("dddddddddddddddddddd", s.roles(4, LEGEND));
    }

    @Test
    void asciiModeUsesTheAsciiEllipsis() {
        Surface s = draw(FRUIT, 20, 4, Glyphs.ASCII);
        assertEquals("apple  red fru~   12", s.row(1));
        assertEquals("banana yellow ~    7", s.row(2));
    }

    @Test
    void selectedRowIsHighlightedAcrossTheWholeWidth() {
        Surface s = draw(FRUIT.selected(2), 20, 4, Glyphs.UNICODE);
        assertEquals("cherry           300", s.row(3));
        assertEquals("####################", s.roles(3, LEGEND));
        assertEquals("wwwwwwwwwwwwwwwwwwww", s.roles(1, LEGEND));
    }

    @Test
    void sortIndicatorOnTheSortColumn() {
        Surface u = draw(FRUIT.sortedBy(2, false), 20, 1, Glyphs.UNICODE);
        assertEquals("Name   Note     Qty▼", u.row(0));
        assertEquals("hhhhhhhhhhhhhhhhSSSS", u.roles(0, LEGEND));
        Surface a = draw(FRUIT.sortedBy(0, true), 20, 1, Glyphs.ASCII);
        assertEquals("Name^  Note      Qty", a.row(0));
        assertEquals("SSSSSShhhhhhhhhhhhhh", a.roles(0, LEGEND));
        // a title too long for its column keeps the arrow
        Table narrow = Table.of(Table.Column.fixed("Longtitle", 5, Align.LEFT)).sortedBy(0, true);
        assertEquals("Lon…▲", draw(narrow, 5, 1, Glyphs.UNICODE).row(0));
    }

    private static Table numbered(int n) {
        List<Table.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Table.Row.of("r" + i));
        }
        return Table.of(Table.Column.flex("Row", 1, Align.LEFT)).rows(rows);
    }

    @Test
    void scrollsToKeepTheSelectionVisible() {
        Table t = numbered(10);
        Surface s = new Surface(4, 4, Glyphs.UNICODE);     // header + 3 rows
        int offset = t.selected(5).offset(0).render(s.canvas, s.all());
        assertEquals(3, offset);
        assertEquals("Row \nr3  \nr4  \nr5  ", s.text());
        assertEquals("####", s.roles(3, LEGEND));

        // moving up inside the window does not scroll
        Surface s2 = new Surface(4, 4, Glyphs.UNICODE);
        assertEquals(3, t.selected(4).offset(offset).render(s2.canvas, s2.all()));
        assertEquals("Row \nr3  \nr4  \nr5  ", s2.text());
        assertEquals("####", s2.roles(2, LEGEND));

        // moving above the window scrolls just enough
        Surface s3 = new Surface(4, 4, Glyphs.UNICODE);
        assertEquals(1, t.selected(1).offset(offset).render(s3.canvas, s3.all()));
        assertEquals("Row \nr1  \nr2  \nr3  ", s3.text());
        assertEquals("####", s3.roles(1, LEGEND));

        // the last row selected: the window ends with it
        Surface s4 = new Surface(4, 4, Glyphs.UNICODE);
        assertEquals(7, t.selected(9).offset(0).render(s4.canvas, s4.all()));
        assertEquals("Row \nr7  \nr8  \nr9  ", s4.text());
    }

    @Test
    void keepVisibleRules() {
        assertEquals(0, Table.keepVisible(0, 0, 3, 10));
        assertEquals(3, Table.keepVisible(5, 0, 3, 10));
        assertEquals(3, Table.keepVisible(4, 3, 3, 10));
        assertEquals(2, Table.keepVisible(2, 3, 3, 10));
        // rows went away: no empty lines at the bottom while rows hide at the top
        assertEquals(1, Table.keepVisible(-1, 3, 3, 4));
        assertEquals(0, Table.keepVisible(-1, 3, 3, 2));
        // out-of-range selection only clamps
        assertEquals(2, Table.keepVisible(99, 2, 3, 10));
        assertEquals(0, Table.keepVisible(5, 3, 0, 10));
        assertEquals(0, Table.keepVisible(5, 3, 3, 0));
        assertEquals(0, Table.keepVisible(0, -4, 3, 10));
    }

    @Test
    void columnWidthsShareWhatFixedColumnsLeave() {
        List<Table.Column> cols = FRUIT.columns();
        assertArrayEquals(new int[] {6, 8, 4}, Table.columnWidths(cols, 20));
        assertArrayEquals(new int[] {6, 0, 0}, Table.columnWidths(cols, 8));
        assertArrayEquals(new int[] {0, 0, 0}, Table.columnWidths(cols, 1));
    }

    @Test
    void narrowTableShowsTheColumnsThatFit() {
        Surface s = draw(FRUIT, 8, 2, Glyphs.UNICODE);
        assertEquals("Name    \napple   ", s.text());
    }

    @Test
    void oneRowHighShowsOnlyTheHeader() {
        assertEquals("Name   Note      Qty", draw(FRUIT.selected(0), 20, 1, Glyphs.UNICODE).text());
    }

    @Test
    void emptyTableShowsItsEmptyText() {
        Table t = FRUIT.rows(List.of()).emptyText("nothing here");
        Surface s = draw(t, 20, 3, Glyphs.UNICODE);
        assertEquals("Name   Note      Qty\nnothing here        \n                    ", s.text());
        assertEquals("............dddddddd", s.roles(1, LEGEND));
        assertEquals(0, t.render(s.canvas, s.all()));
    }

    @Test
    void wideCharactersInCellsStayInsideTheirColumns() {
        Table t = Table.of(Table.Column.fixed("A", 3, Align.LEFT), Table.Column.fixed("B", 2, Align.RIGHT))
                .rows(List.of(Table.Row.of("漢字", "字")));
        Surface s = draw(t, 6, 2, Glyphs.UNICODE);
        assertEquals("A    B", s.row(0));
        assertEquals("漢… 字", s.row(1));
        assertEquals(Role.DEFAULT, s.role(3, 1));   // the gap is not overwritten by the first column
    }

    @Test
    void shortRowsHaveEmptyCells() {
        Table t = FRUIT.rows(List.of(Table.Row.of("kiwi")));
        assertEquals("kiwi                ", draw(t, 20, 2, Glyphs.UNICODE).row(1));
    }
}
