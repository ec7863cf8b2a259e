package syntop.tui.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.TcpState;
import syntop.themes.Role;
import syntop.widgets.Align;
import syntop.widgets.Table;
import syntop.widgets.Canvas;
import syntop.widgets.Region;

/** Remote addresses holding connections in SYN_RCVD and the other pile-up states, most first: what interventions act on. */
public final class RemotesPanel {
    /** A remote address and the state its connections are in. */
    public record Row(String address, TcpState state, long count) {
    }

    private RemotesPanel() {
    }

    public static List<Row> rows(JudgedTick f, ViewState v) {
        Filter filter = Filter.of(v.filter());
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<TcpState, List<AddressCount>> e : f.snapshot().remotes().entrySet()) {
            for (AddressCount a : e.getValue()) {
                if (filter.matchesAddress(a.address())) {
                    rows.add(new Row(a.address(), e.getKey(), a.count()));
                }
            }
        }
        Comparator<Row> order = v.sort().on(Panel.REMOTES) == ViewState.Sort.NAME
                ? Comparator.comparing(Row::address).thenComparing(Row::state)
                // SYN_RCVD first (the flood), then by count
                : Comparator.comparing((Row r) -> r.state() != TcpState.SYN_RCVD).thenComparing(Row::count,
                        Comparator.reverseOrder());
        rows.sort(order);
        return rows;
    }

    public static void draw(Canvas c, Region r, JudgedTick f, ViewState v, boolean focused) {
        List<Row> rows = rows(f, v);
        List<Table.Row> cells = new ArrayList<>();
        for (Row row : rows) {
            cells.add(Table.Row.of(row.state() == TcpState.SYN_RCVD ? Role.WARN : Role.VALUE,
                    row.address(), row.state().name(), Format.count(row.count())));
        }
        int selected = rows.isEmpty() ? 0 : v.clampSelection(Panel.REMOTES, rows.size());
        Table t = Table.of(
                        Table.Column.flex("Remote address", 1, Align.LEFT),
                        Table.Column.fixed("State", 12, Align.LEFT),
                        Table.Column.fixed("Conns", 8, Align.RIGHT))
                .rows(cells)
                .emptyText(v.filter().isEmpty() ? "no connections in pile-up states" : "no remote matches /" + v.filter())
                .sortedBy(v.sort().on(Panel.REMOTES) == ViewState.Sort.NAME ? 0 : 2, v.sort().on(Panel.REMOTES) == ViewState.Sort.NAME);
        if (focused && !rows.isEmpty()) {
            t = t.selected(selected).offset(Table.keepVisible(selected, 0, Math.max(1, r.height() - 1), rows.size()));
        }
        t.draw(c, r);
    }
}
