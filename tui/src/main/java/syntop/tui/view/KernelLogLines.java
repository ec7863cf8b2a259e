package syntop.tui.view;

import java.util.ArrayList;
import java.util.List;

import syntop.collectors.model.KernelEvent;
import syntop.collectors.model.Snapshot;
import syntop.themes.Role;
import syntop.widgets.Canvas;
import syntop.widgets.Region;
import syntop.widgets.TextLine;
import syntop.widgets.Texts;

/**
 * What the kernel's log said, newest first, a line each, below the verdicts: "kernel said at 07:31:12:
 * possible SYN flooding on 10.99.0.2:8080, dropping requests". What it said before syntop started is
 * dimmed and says how long ago: history, not a verdict. Nothing is drawn when the log said nothing.
 */
public final class KernelLogLines {
    private KernelLogLines() {
    }

    /** How many rows the lines take, at most {@code max}: one per event, none without events. */
    public static int rows(Snapshot s, int max) {
        return Math.min(max, s.kernelEvents().size());
    }

    public static void draw(Canvas c, Region r, Snapshot s) {
        List<String> lines = lines(s, r.height(), r.width());
        for (int i = 0; i < lines.size(); i++) {
            KernelEvent e = s.kernelEvents().get(i);
            TextLine.left(c, r, i, lines.get(i), e.beforeStart() ? Role.DIM : Role.WARN);
        }
    }

    /**
     * The lines for {@code rows} rows of {@code width}; the last says how many older ones are not shown
     * when that fits beside the whole line (what the kernel said comes first).
     */
    static List<String> lines(Snapshot s, int rows, int width) {
        List<KernelEvent> events = s.kernelEvents();
        int shown = Math.min(rows, events.size());
        List<String> out = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            String line = events.get(i).said(s.at(), true);
            String more = i == shown - 1 && events.size() > shown ? "  (+" + (events.size() - shown) + " older)" : "";
            out.add(Texts.width(line) + more.length() <= width ? line + more : Texts.ellipsize(line, width));
        }
        return out;
    }
}
