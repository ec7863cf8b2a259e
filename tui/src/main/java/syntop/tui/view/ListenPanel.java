package syntop.tui.view;

import java.util.Comparator;
import java.util.List;

import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.ListenQueue;
import syntop.themes.Role;
import syntop.widgets.Bar;
import syntop.widgets.Canvas;
import syntop.widgets.Region;
import syntop.widgets.Table;
import syntop.widgets.Texts;

/**
 * One bar per listening socket: the fuller of its accept queue and its SYN (incomplete) queue
 * against the limit, with both numbers, sorted by how full (or by port or address), filtered by
 * the operator's {@code /} filter.
 */
public final class ListenPanel {
    private static final double WARN = 0.7;
    private static final double CRITICAL = 0.9;
    /** Room kept right of the address for "acc N syn N / L". */
    private static final int MIN_NUMBERS = 22;
    /** The bar keeps at least this many cells when owners are shown. */
    private static final int OWNER_BAR = 6;

    private ListenPanel() {
    }

    /** The listeners as shown: filtered, then sorted. */
    public static List<ListenQueue> rows(JudgedTick f, ViewState v) {
        Filter filter = Filter.of(v.filter());
        Comparator<ListenQueue> order;
        switch (v.sort()) {
            case PORT: order = Comparator.comparingInt(ListenQueue::port).thenComparing(ListenQueue::localAddress); break;
            case NAME: order = Comparator.comparing(ListenQueue::localAddress).thenComparingInt(ListenQueue::port); break;
            default: order = Comparator.comparingDouble(ListenQueue::fill).reversed().thenComparingInt(ListenQueue::port);
        }
        return f.snapshot().listeners().stream()
                .filter(q -> filter.matchesListener(q.localAddress(), q.port()))
                .sorted(order).toList();
    }

    public static void draw(Canvas c, Region r, JudgedTick f, ViewState v, boolean focused) {
        List<ListenQueue> rows = rows(f, v);
        if (rows.isEmpty()) {
            c.text(r, r.x(), r.y(), v.filter().isEmpty() ? "no listening sockets" : "no listener matches /" + v.filter(),
                    Role.DIM);
            return;
        }
        int selected = v.clampSelection(syntop.tui.view.Panel.LISTEN, rows.size());
        int offset = Table.keepVisible(selected, 0, r.height(), rows.size());
        // the address column is as wide as its widest address: the bar gives way first, never the address
        int labelWidth = 8;
        int ownedWidth = 8;
        for (int i = 0; i < r.height() && offset + i < rows.size(); i++) {
            labelWidth = Math.max(labelWidth, Texts.width(label(rows.get(offset + i), false)));
            ownedWidth = Math.max(ownedWidth, Texts.width(label(rows.get(offset + i), true)));
        }
        // the owning process only where every visible row's fits whole beside its address and numbers
        boolean owners = ownedWidth > labelWidth && ownedWidth + OWNER_BAR <= r.width() - 1 - MIN_NUMBERS;
        labelWidth = owners ? ownedWidth : Math.min(labelWidth, Math.max(8, r.width() - 1 - MIN_NUMBERS));
        for (int i = 0; i < r.height() && offset + i < rows.size(); i++) {
            ListenQueue q = rows.get(offset + i);
            Region line = r.row(i);
            boolean sel = focused && offset + i == selected;
            // the selection as in the other panels: in the selected role (reverse video in mono)
            c.text(line, line.x(), line.y(), " ", sel ? Role.SELECTED : Role.DIM);
            bar(q, labelWidth, owners).labelRole(sel ? Role.SELECTED : Role.LABEL).draw(c, line.withoutLeft(1));
        }
    }

    /** {@code :8081 10.99.0.2}, with {@code owner}: {@code :8081 10.99.0.2 nginx[812]} when the owner is known. */
    private static String label(ListenQueue q, boolean owner) {
        String base = ":" + q.port() + " " + q.localAddress();
        return owner ? q.process().filter(p -> p.known()).map(p -> base + " " + p.name() + "[" + p.pid().getAsLong() + "]")
                .orElse(base) : base;
    }

    static Bar bar(ListenQueue q, int labelWidth, boolean owner) {
        String label = label(q, owner);
        String syn = q.synQueue().isPresent() ? Long.toString(q.synQueue().getAsLong()) : "?";
        String text = "acc " + Format.count(q.acceptQueue()) + " syn " + syn + " ";
        if (q.limit().isEmpty()) {
            // without a known limit there is no fill to show, only the numbers
            return Bar.of(label, 0, 1).texts(text, " ?").labelWidth(labelWidth);
        }
        long fuller = Math.max(q.acceptQueue(), q.synQueue().orElse(0));
        return Bar.of(label, fuller, q.limit().getAsLong()).thresholds(WARN, CRITICAL)
                .texts(text, " " + Format.count(q.limit().getAsLong())).labelWidth(labelWidth);
    }
}
