package syntop.tui.view;

import java.util.Optional;

import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.TcpState;
import syntop.themes.Role;
import syntop.widgets.Align;
import syntop.widgets.Canvas;
import syntop.widgets.Region;
import syntop.widgets.Sparkline;
import syntop.widgets.Texts;

/** Every TCP state: count, change per second and a sparkline; attack states coloured by threshold. */
public final class StatesPanel {
    /** Rows the panel wants: one per state. */
    public static final int ROWS = TcpState.values().length;

    private StatesPanel() {
    }

    public static void draw(Canvas c, Region r, JudgedTick f, int selected, boolean focused) {
        if (f.snapshot().states().isEmpty()) {
            c.text(r, r.x(), r.y(), "no source counted states this tick", Role.DIM);
            return;
        }
        int row = 0;
        for (TcpState st : TcpState.values()) {
            if (row >= r.height()) {
                break;
            }
            Region line = r.row(row);
            long n = f.snapshot().states().get(st);
            Role role = Severity.of(st, n);
            boolean sel = focused && row == selected;
            if (sel) {
                c.clear(line, Role.SELECTED);
            }
            Role label = sel ? Role.SELECTED : Role.LABEL;
            c.text(line, line.x(), line.y(), Texts.fit(st.name(), 12, Align.LEFT, ""), label);
            c.text(line, line.x() + 12, line.y(), Texts.pad(Format.count(n), 8, Align.RIGHT), sel ? Role.SELECTED : role);
            Optional<Double> d = f.history().stateChangePerSecond(st);
            String delta = d.map(x -> Format.rate(x, true)).orElse("·");
            c.text(line, line.x() + 20, line.y(), Texts.pad(delta, 8, Align.RIGHT), sel ? Role.SELECTED : Role.DIM);
            Region spark = line.withoutLeft(30);
            if (!spark.isEmpty()) {
                Sparkline.of(f.history().stateSeries(st, spark.width())).role(role == Role.VALUE ? Role.SPARKLINE : role)
                        .draw(c, spark);
            }
            row++;
        }
    }
}
