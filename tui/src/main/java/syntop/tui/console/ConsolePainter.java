package syntop.tui.console;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.Screen;

import syntop.collectors.detect.Verdict;
import syntop.collectors.history.PollTimes;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.text.Durations;
import syntop.collectors.text.Printable;
import syntop.themes.Role;
import syntop.themes.Theme;
import syntop.themes.ThemeLoader;
import syntop.tui.keys.Keymap;
import syntop.tui.view.DefencesPanel;
import syntop.tui.view.KernelLogLines;
import syntop.tui.view.ListenPanel;
import syntop.tui.view.Panel;
import syntop.tui.view.RemotesPanel;
import syntop.tui.view.StatesPanel;
import syntop.tui.view.ViewState;
import syntop.widgets.Box;
import syntop.widgets.Canvas;
import syntop.widgets.Chip;
import syntop.widgets.Dialog;
import syntop.widgets.Glyphs;
import syntop.widgets.HelpOverlay;
import syntop.widgets.Palette;
import syntop.widgets.Region;
import syntop.widgets.Span;
import syntop.widgets.TextLine;
import syntop.widgets.Texts;

/**
 * Lays the screen out for its size and draws every part: header with source chips, verdict lines,
 * the panels, the footer of keys, and the help overlay. Below a readable minimum it draws a
 * one-line message instead.
 */
public final class ConsolePainter {
    /** The smallest terminal the console lays out; below it, one line says so. */
    public static final int MIN_COLUMNS = 60;
    public static final int MIN_ROWS = 16;
    /** From this size on, all four panels are shown. */
    static final int FULL_COLUMNS = 100;
    static final int FULL_ROWS = 30;
    /** Lines of the kernel's log shown when all four panels are (one below that size). */
    static final int KERNEL_ROWS_FULL = 3;
    private final ThemeLoader themes;
    private final Map<String, Palette> palettes = new HashMap<>();
    private final String hostLabel;
    private ConsoleLayer layer = ConsoleLayer.NONE;
    private final String mode;

    public ConsolePainter(ThemeLoader themes, String hostLabel) {
        this(themes, hostLabel, "live");
    }

    /** @param mode shown in the header where a live console says {@code live} (e.g. that this is a capture) */
    public ConsolePainter(ThemeLoader themes, String hostLabel, String mode) {
        this.themes = themes;
        this.hostLabel = Printable.of(hostLabel);
        this.mode = mode;
    }

    /** Draws {@code l} over everything else (set by {@link ConsoleLoop#layer}). */
    public void layer(ConsoleLayer l) {
        layer = l;
    }

    public String nextTheme(String current) {
        return themes.next(current);
    }

    /** The theme {@code name} as it is drawn (its warnings included). */
    public Theme theme(String name) {
        return palette(name).theme();
    }

    /**
     * The line that says which theme is on, and what was wrong in its file: "theme: light (2 of 4)",
     * "theme: mine (5 of 5): 2 warnings, mine.theme:3: unknown key 'fg' ignored; …".
     */
    public String themeNotice(String name) {
        Theme t = theme(name);
        List<String> all = themes.available();
        String line = "theme: " + t.name() + " (" + (all.indexOf(t.name()) + 1) + " of " + all.size() + ")";
        if (t.warnings().isEmpty()) {
            return line;
        }
        int n = t.warnings().size();
        return line + ": " + n + " warning" + (n == 1 ? "" : "s") + ", " + Printable.of(t.warnings().get(0).toString())
                + (n > 1 ? "; …" : "");
    }

    private Palette palette(String name) {
        return palettes.computeIfAbsent(name, n -> new Palette(themes.load(n)));
    }

    public void paint(Screen screen, ViewState v, Optional<JudgedTick> frame) {
        TerminalSize size = screen.getTerminalSize();
        paint(screen.newTextGraphics(), size, v, frame);
    }

    /** Draws one whole screen; public for tests that render into a virtual terminal. */
    public void paint(TextGraphics g, TerminalSize size, ViewState v, Optional<JudgedTick> frame) {
        Canvas c = Canvas.buffered(g, palette(v.themeName()), v.ascii() ? Glyphs.ASCII : Glyphs.UNICODE);
        draw(c, size, v, frame);
        c.flush();
    }

    private void draw(Canvas c, TerminalSize size, ViewState v, Optional<JudgedTick> frame) {
        Region screen = Region.of(size);
        c.clear(screen, Role.DEFAULT);
        if (size.getColumns() < MIN_COLUMNS || size.getRows() < MIN_ROWS) {
            String msg = "too small (" + size.getColumns() + "x" + size.getRows() + "): syntop needs " + MIN_COLUMNS + "x"
                    + MIN_ROWS;
            c.text(screen, 0, 0, Texts.ellipsize(msg, size.getColumns()), Role.WARN);
            return;
        }
        header(c, screen.row(0), v, frame);
        footer(c, screen.row(screen.height() - 1), v);
        Region body = screen.withoutTop(1).withoutBottom(1);
        if (frame.isEmpty()) {
            c.text(body, body.x(), body.y(), "collecting the first sample…", Role.DIM);
            layer.draw(c, screen, v);
            return;
        }
        JudgedTick f = frame.get();
        chips(c, body.row(0), f.snapshot(), f.history().pollTimes());
        List<String> verdictLines = verdictLines(f.verdicts(), body.width());
        int verdictRows = Math.max(1, Math.min(3, verdictLines.size()));
        verdicts(c, body.withoutTop(1).top(verdictRows), f, verdictLines);
        boolean full = screen.width() >= FULL_COLUMNS && screen.height() >= FULL_ROWS;
        // Tab, j and k act on panels that are on screen
        v.shownPanels(full ? EnumSet.allOf(Panel.class) : EnumSet.of(Panel.STATES, Panel.LISTEN));
        int kernelRows = KernelLogLines.rows(f.snapshot(), full ? KERNEL_ROWS_FULL : 1);
        if (kernelRows > 0) {
            KernelLogLines.draw(c, body.withoutTop(1 + verdictRows).top(kernelRows), f.snapshot());
        }
        Region panels = body.withoutTop(1 + verdictRows + kernelRows);
        if (full) {
            List<Region> cols = panels.splitColumns(Span.weight(1), Span.weight(1));
            int statesHeight = StatesPanel.ROWS + 2;
            panel(c, cols.get(0).top(statesHeight), Panel.STATES, v, f);
            panel(c, cols.get(0).withoutTop(statesHeight), Panel.DEFENCES, v, f);
            List<Region> right = cols.get(1).splitRows(Span.weight(1), Span.weight(1));
            panel(c, right.get(0), Panel.LISTEN, v, f);
            panel(c, right.get(1), Panel.REMOTES, v, f);
        } else if (screen.width() >= 80) {
            List<Region> cols = panels.splitColumns(Span.fixed(40), Span.weight(1));
            panel(c, cols.get(0), Panel.STATES, v, f);
            panel(c, cols.get(1), Panel.LISTEN, v, f);
        } else {
            List<Region> rows = panels.splitRows(Span.fixed(Math.min(StatesPanel.ROWS + 2, panels.height() / 2 + 1)),
                    Span.weight(1));
            panel(c, rows.get(0), Panel.STATES, v, f);
            panel(c, rows.get(1), Panel.LISTEN, v, f);
        }
        if (v.details() || v.explain()) {
            Dialog d = Dialog.of(v.details() ? "details" : "explain", v.details() ? Details.lines(f, v) : Explain.lines(f, v),
                    "[Esc] close").maxWidth(Math.min(110, screen.width())).scroll(v.detailsFirst());
            v.detailsFirst(d.window(screen).first());
            d.draw(c, screen);
        }
        if (v.help()) {
            HelpOverlay.of("syntop keys", Keymap.help(v.keymapMode())).hint("[Esc] close").draw(c, screen);
        }
        layer.draw(c, screen, v);
    }

    private void panel(Canvas c, Region r, Panel p, ViewState v, JudgedTick f) {
        if (r.height() < 3) {
            return;
        }
        boolean focused = v.focus() == p;
        String info = p == Panel.LISTEN || p == Panel.REMOTES ? "sort: " + v.sort().on(p).label()
                + (v.filter().isEmpty() ? "" : "  /" + v.filter()) : "";
        Region inner = Box.of(p.title()).focused(focused).info(info).draw(c, r);
        switch (p) {
            case STATES: StatesPanel.draw(c, inner, f, v.clampSelection(p, StatesPanel.ROWS), focused); break;
            case LISTEN: ListenPanel.draw(c, inner, f, v, focused); break;
            case DEFENCES: DefencesPanel.draw(c, inner, f); break;
            case REMOTES: RemotesPanel.draw(c, inner, f, v, focused); break;
            default: break;
        }
    }

    private void header(Canvas c, Region row, ViewState v, Optional<JudgedTick> f) {
        c.clear(row, Role.HEADER);
        String os = f.map(x -> Printable.of(x.snapshot().host().osVersion())).orElse("");
        // a replay says where it is in the recording; a capture says it is not live
        String shown = v.modeLabel().orElse(v.paused() ? "PAUSED" : mode);
        String text = "syntop  " + hostLabel + (os.isEmpty() ? "" : "  " + os) + "  every "
                + Durations.format(v.interval()) + "  " + shown;
        TextLine.left(c, row, 0, text, Role.HEADER);
        String clock = f.map(x -> x.snapshot().at().toString().substring(11, 19) + " UTC").orElse("");
        // the clock only where it does not cover the mode (a replay's position, say)
        if (f.isPresent() && Texts.width(text) + clock.length() + 2 <= row.width()) {
            TextLine.right(c, row, 0, clock, Role.HEADER);
        }
    }

    /** One chip per source: ok with its poll time p50/p99, stale N s, needs root, not available… */
    private void chips(Canvas c, Region row, Snapshot s, PollTimes times) {
        int x = row.x();
        // trouble first: a narrow screen cuts the healthy sources, never the failing ones
        List<SourceStatus> ordered = s.sources().values().stream()
                .sorted(java.util.Comparator.comparingInt(ConsolePainter::chipOrder)).toList();
        String hidden = " +" + ordered.size() + " " + c.glyphs().ellipsis(); // the widest "more" mark
        for (int i = 0; i < ordered.size(); i++) {
            SourceStatus st = ordered.get(i);
            Chip chip = Chip.of(st.id(), chipValue(st, times), chipRole(st));
            int w = chip.preferredWidth();
            boolean last = i == ordered.size() - 1;
            if (x + w + (last ? 0 : Texts.width(hidden)) > row.right()) {
                // the rest do not fit: say how many sources are left out
                String more = "+" + (ordered.size() - i) + " " + c.glyphs().ellipsis();
                if (x + Texts.width(more) <= row.right()) {
                    c.text(row, x, row.y(), more, Role.DIM);
                }
                break;
            }
            chip.draw(c, new Region(x, row.y(), w, 1));
            x += w + 1;
        }
    }

    private static int chipOrder(SourceStatus st) {
        return st.isFailure() ? 0 : st.health() == syntop.collectors.model.SourceHealth.OK ? 2 : 1;
    }

    static String chipValue(SourceStatus st, PollTimes times) {
        switch (st.health()) {
            case OK: {
                String p50 = times.percentile(st.id(), 50).map(Durations::format).orElse("?");
                String p99 = times.percentile(st.id(), 99).map(Durations::format).orElse("?");
                return p50 + "/" + p99;
            }
            case STALE: return "every " + Durations.format(st.every());
            case NEEDS_ROOT: return "needs root";
            case UNAVAILABLE: return "not available";
            case TIMEOUT: return "timeout";
            default: return "unreadable";
        }
    }

    private static Role chipRole(SourceStatus st) {
        switch (st.health()) {
            case OK: return Role.CHIP_OK;
            case STALE: return Role.CHIP_STALE;
            case UNAVAILABLE: return st.optional() ? Role.CHIP_NEUTRAL : Role.CHIP_ERROR;
            default: return Role.CHIP_ERROR;
        }
    }

    /**
     * The verdict area's lines: one verdict gets up to three wrapped lines of evidence; several get a
     * line each, most severe first.
     */
    static List<String> verdictLines(List<Verdict> verdicts, int width) {
        if (verdicts.size() == 1) {
            Verdict v = verdicts.get(0);
            return Texts.wrap(v.summary() + " — " + v.evidence(), width);
        }
        return verdicts.stream().map(v -> v.summary() + " — " + v.evidence()).toList();
    }

    /**
     * The verdicts; with none, "all quiet" only once the judgement is complete: until then what is
     * known and that syntop is still judging ("judging — 1 of 5 samples; SYN queue of :8080 at its limit").
     */
    private static void verdicts(Canvas c, Region r, JudgedTick f, List<String> lines) {
        List<Verdict> verdicts = f.verdicts();
        if (verdicts.isEmpty()) {
            if (f.judgement().complete()) {
                TextLine.left(c, r, 0, "all quiet — no SYN flood, no full queue, no pile-up", Role.VERDICT_QUIET);
            } else {
                Role role = f.judgement().signs().isEmpty() ? Role.DIM : Role.VERDICT_WARN;
                TextLine.left(c, r, 0, Texts.ellipsize(f.judgement().line(), r.width()), role);
            }
            return;
        }
        for (int i = 0; i < r.height() && i < lines.size(); i++) {
            Verdict v = verdicts.get(verdicts.size() == 1 ? 0 : i);
            Role role = v.severity() == Verdict.Severity.CRITICAL ? Role.VERDICT_CRITICAL : Role.VERDICT_WARN;
            String more = i == r.height() - 1 && lines.size() > r.height()
                    ? "  (+" + (lines.size() - r.height()) + " more)" : "";
            c.clear(r.row(i), role);
            TextLine.left(c, r, i, Texts.ellipsize(lines.get(i), r.width() - more.length()) + more, role);
        }
    }

    private static void footer(Canvas c, Region row, ViewState v) {
        Optional<String> flash = v.flash();
        if (flash.isPresent() && v.filterDraft().isEmpty()) {
            Role role = v.flashWarns() ? Role.WARN : Role.FOOTER_TEXT;
            c.clear(row, role);
            TextLine.left(c, row, 0, Texts.ellipsize(flash.get(), row.width()), role);
            return;
        }
        c.clear(row, Role.FOOTER_TEXT);
        if (v.notice().isPresent()) {
            TextLine.left(c, row, 0, Texts.ellipsize(v.notice().get(), row.width(), c.glyphs().ellipsis()), Role.WARN);
            return;
        }
        // the typed text beside its hint; text kept from before is shown selected: typing replaces it
        String text = v.filterDraft().map(d -> "filter /" + (v.filterSelected() ? "[" + d + "]" : d + "_")
                + "  type a port, address or prefix  [Enter]apply [Esc]cancel")
                .orElseGet(() -> Keymap.footer(v.keymapMode(), row.width()));
        TextLine.keyed(c, row, 0, 0, text, Role.FOOTER_TEXT, Role.FOOTER_KEY);
    }
}
