package syntop.widgets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import syntop.themes.Role;

/**
 * Rows of text under a header line, with a selected row and scrolling.
 *
 * <p>Columns have a title, a {@link Span} (fixed cells or a weight of the width the fixed ones
 * leave) and an alignment; one space separates columns. Cell text too long for its column ends in
 * an ellipsis. The header is drawn in {@link Role#COLUMN_HEADER}; the column the rows are sorted by
 * in {@link Role#SORTED_COLUMN} with a sort arrow after its title. A row is drawn in its own role
 * (default {@link Role#DEFAULT}), a cell in its cell role if it has one; the selected row wholly in
 * {@link Role#SELECTED}.
 *
 * <p>The table keeps no state between frames: the caller passes the selected index and the scroll
 * offset used last time, and {@link #render} returns the offset it used, moved just enough to keep
 * the selection visible (see {@link #keepVisible}). The table paints its whole region.
 *
 * <p>Immutable; each {@code with}-style method returns a changed copy.
 */
public final class Table implements Widget {

    /** A column: title, size and alignment of its cells (the title follows it too). */
    public record Column(String title, Span span, Align align) {
        public Column {
            title = title == null ? "" : title;
            span = span == null ? Span.weight(1) : span;
            align = align == null ? Align.LEFT : align;
        }

        public static Column fixed(String title, int width, Align align) {
            return new Column(title, Span.fixed(width), align);
        }

        public static Column flex(String title, int weight, Align align) {
            return new Column(title, Span.weight(weight), align);
        }
    }

    /** One row: cell texts, a role for the row, and optional roles for single cells. */
    public record Row(List<String> cells, Role role, Map<Integer, Role> cellRoles) {
        public Row {
            cells = List.copyOf(cells.stream().map(c -> c == null ? "" : c).toList());
            role = role == null ? Role.DEFAULT : role;
            cellRoles = Map.copyOf(cellRoles);
        }

        public static Row of(String... cells) {
            return new Row(Arrays.asList(cells), Role.DEFAULT, Map.of());
        }

        public static Row of(Role role, String... cells) {
            return new Row(Arrays.asList(cells), role, Map.of());
        }

        /** This row with cell {@code column} drawn in {@code cellRole}. */
        public Row withCellRole(int column, Role cellRole) {
            Map<Integer, Role> m = new HashMap<>(cellRoles);
            m.put(column, cellRole);
            return new Row(cells, role, m);
        }

        /** The text of cell {@code column}, empty when the row is shorter. */
        public String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }

        /** The role of cell {@code column}: its own, else the row's. */
        public Role roleOf(int column) {
            return cellRoles.getOrDefault(column, role);
        }
    }

    private final List<Column> columns;
    private final List<Row> rows;
    private final int selected;
    private final int offset;
    private final int sortColumn;
    private final boolean ascending;
    private final String emptyText;

    private Table(List<Column> columns, List<Row> rows, int selected, int offset, int sortColumn,
                  boolean ascending, String emptyText) {
        this.columns = columns;
        this.rows = rows;
        this.selected = selected;
        this.offset = offset;
        this.sortColumn = sortColumn;
        this.ascending = ascending;
        this.emptyText = emptyText;
    }

    public static Table of(List<Column> columns) {
        return new Table(List.copyOf(columns), List.of(), -1, 0, -1, true, "");
    }

    public static Table of(Column... columns) {
        return of(Arrays.asList(columns));
    }

    public Table rows(List<Row> rows) {
        return new Table(columns, List.copyOf(rows), selected, offset, sortColumn, ascending, emptyText);
    }

    /** The selected row index, or -1 for none. */
    public Table selected(int index) {
        return new Table(columns, rows, index, offset, sortColumn, ascending, emptyText);
    }

    /** The first visible row, as returned by the previous {@link #render}. */
    public Table offset(int firstRow) {
        return new Table(columns, rows, selected, firstRow, sortColumn, ascending, emptyText);
    }

    /** Marks column {@code column} as the sort column; -1 for none. */
    public Table sortedBy(int column, boolean ascending) {
        return new Table(columns, rows, selected, offset, column, ascending, emptyText);
    }

    /** Text shown in {@link Role#DIM} under the header when there are no rows. */
    public Table emptyText(String text) {
        return new Table(columns, rows, selected, offset, sortColumn, ascending, text == null ? "" : text);
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * The first row to show so that {@code selected} is visible, moving {@code offset} as little
     * as possible, and never leaving empty lines at the bottom while rows are hidden at the top.
     * With no selection (-1 or out of range) the offset is only clamped.
     */
    public static int keepVisible(int selected, int offset, int visibleRows, int rowCount) {
        if (visibleRows <= 0 || rowCount <= 0) {
            return 0;
        }
        int o = offset;
        if (selected >= 0 && selected < rowCount) {
            if (selected < o) {
                o = selected;
            } else if (selected >= o + visibleRows) {
                o = selected - visibleRows + 1;
            }
        }
        return Math.max(0, Math.min(o, rowCount - visibleRows));
    }

    /** Column widths for a table {@code width} cells wide, one-cell gaps between columns. */
    public static int[] columnWidths(List<Column> columns, int width) {
        List<Span> spans = new ArrayList<>(columns.size());
        for (Column c : columns) {
            spans.add(c.span());
        }
        int gaps = Math.max(0, columns.size() - 1);
        return Span.distribute(Math.max(0, width - gaps), spans);
    }

    @Override
    public void draw(Canvas canvas, Region region) {
        render(canvas, region);
    }

    /** Draws the table and returns the scroll offset it used. */
    public int render(Canvas canvas, Region region) {
        if (region.isEmpty()) {
            return keepVisible(selected, offset, 0, rows.size());
        }
        int[] widths = columnWidths(columns, region.width());
        int[] xs = new int[widths.length];
        int at = region.x();
        for (int i = 0; i < widths.length; i++) {
            xs[i] = at;
            if (widths[i] > 0) {
                at += widths[i] + 1;
            }
        }
        drawHeader(canvas, region.row(0), widths, xs);

        Region body = region.withoutTop(1);
        int visible = body.height();
        int first = keepVisible(selected, offset, visible, rows.size());
        canvas.clear(body, Role.DEFAULT);
        if (rows.isEmpty() && visible > 0 && !emptyText.isEmpty()) {
            TextLine.left(canvas, body, 0, emptyText, Role.DIM);
        }
        String ell = canvas.glyphs().ellipsis();
        for (int r = 0; r < visible && first + r < rows.size(); r++) {
            int index = first + r;
            Row row = rows.get(index);
            boolean sel = index == selected;
            Region line = body.row(r);
            canvas.clear(line, sel ? Role.SELECTED : row.role());
            for (int c = 0; c < widths.length; c++) {
                if (widths[c] == 0) {
                    continue;
                }
                Role role = sel ? Role.SELECTED : row.roleOf(c);
                String text = Texts.fit(row.cell(c), widths[c], columns.get(c).align(), ell);
                canvas.text(line, xs[c], line.y(), text, role);
            }
        }
        return first;
    }

    private void drawHeader(Canvas canvas, Region header, int[] widths, int[] xs) {
        canvas.clear(header, Role.COLUMN_HEADER);
        Glyphs g = canvas.glyphs();
        for (int c = 0; c < widths.length; c++) {
            int w = widths[c];
            if (w == 0) {
                continue;
            }
            Column col = columns.get(c);
            String text;
            Role role = Role.COLUMN_HEADER;
            if (c == sortColumn) {
                char arrow = ascending ? g.sortAscending() : g.sortDescending();
                text = Texts.pad(Texts.ellipsize(col.title(), w - 1, g.ellipsis()) + arrow, w, col.align());
                role = Role.SORTED_COLUMN;
            } else {
                text = Texts.fit(col.title(), w, col.align(), g.ellipsis());
            }
            canvas.text(header, xs[c], header.y(), text, role);
        }
    }
}
