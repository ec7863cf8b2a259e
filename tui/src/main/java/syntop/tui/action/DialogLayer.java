package syntop.tui.action;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.googlecode.lanterna.input.KeyStroke;

import syntop.themes.Role;
import syntop.tui.dialog.Box;
import syntop.tui.dialog.DialogHost;
import syntop.widgets.Canvas;
import syntop.widgets.Dialog;
import syntop.widgets.Region;
import syntop.widgets.TextLine;
import syntop.widgets.Texts;

/**
 * The dialog an action layer has open over the console and the status line under it, drawn the
 * same way for every feature: the body wrapped, never cut (a command's continuation lines indented
 * deeper), scrolled when it does not fit, and a confirmation that waits until all of it was seen.
 */
final class DialogLayer implements DialogHost {
    private static final Duration STATUS_FOR = Duration.ofSeconds(8);

    private final Clock clock;
    private Box open;
    private String status;
    private boolean statusBad;
    private Instant statusUntil = Instant.EPOCH;

    DialogLayer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void show(Box box) {
        open = box;
    }

    @Override
    public synchronized void status(String text, boolean bad) {
        status = text;
        statusBad = bad;
        statusUntil = clock.instant().plus(STATUS_FOR);
    }

    /** Gives {@code k} to the open dialog; false when none is open. */
    synchronized boolean key(KeyStroke k) {
        if (open == null) {
            return false;
        }
        open.key(k);
        return true;
    }

    synchronized void draw(Canvas c, Region screen) {
        if (status != null && clock.instant().isBefore(statusUntil) && screen.height() > 0) {
            Region row = screen.row(screen.height() - 1);
            c.clear(row, statusBad ? Role.WARN : Role.FOOTER_TEXT);
            TextLine.left(c, row, 0, Texts.ellipsize(status, row.width(), c.glyphs().ellipsis()), statusBad ? Role.WARN : Role.FOOTER_TEXT);
        }
        if (open == null) {
            return;
        }
        int width = Math.max(20, Math.min(screen.width() - 2, 110));
        List<String> lines = new ArrayList<>();
        for (String line : open.body(Math.max(1, screen.height() - 8), width - 4)) {
            // table rows keep their columns together: their inner spaces are unbreakable
            int indent = line.length() - line.stripLeading().length();
            lines.add(line.strip().contains("  ") ? line.substring(0, indent) + line.substring(indent).replace(' ', '\u00a0') : line);
        }
        Dialog d = Dialog.of(open.title, lines, open.hint()).border(open.border).maxWidth(width).scroll(open.first());
        open.shown(d.window(screen));
        // once all of it has been seen the hint may change (no "confirm without reading")
        d = Dialog.of(open.title, lines, open.hint()).border(open.border).maxWidth(width).scroll(open.first());
        open.shown(d.window(screen));
        d.draw(c, screen);
    }

    /** The open dialog as text (tests): title, body lines, hint. */
    synchronized Optional<String> dialogText() {
        if (open == null) {
            return Optional.empty();
        }
        return Optional.of(open.title + "\n" + String.join("\n", open.body(1000, 200)) + "\n" + open.hint());
    }

    synchronized Optional<String> statusText() {
        return status != null && clock.instant().isBefore(statusUntil) ? Optional.of(status) : Optional.empty();
    }
}
