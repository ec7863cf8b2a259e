package syntop.tui.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;

/**
 * Lanterna's Unix terminal, set up by one {@code stty} run instead of five, on a buffered output. Lanterna saves the
 * settings ({@code stty -g}) and then turns off canonical mode ({@code -icanon}, {@code min 1}),
 * echo and the interrupt character in four more runs, a fork and exec each: about 0.08 s of the
 * console's start-up. Here one shell saves and sets them all at once; restoring is one run too.
 *
 * <p>Lanterna calls these methods from its constructor, before this class's constructor body runs,
 * so the fields have no initialisers and are written only by those calls.
 */
final class OneSttyTerminal extends UnixTerminal {
    /** The stty to run: Lanterna's own setting, so both find the same one. */
    private static final String STTY = System.getProperty("com.googlecode.lanterna.terminal.UnixTerminal.sttyCommand",
            "/bin/stty");
    /** What {@code stty -g} printed; null until saved. */
    private String saved;
    /** True from saving (which set the raw mode) until the settings are restored. */
    private boolean raw;
    /** The size stty read as it set the terminal up; null when it could not tell, and from the first resize on. */
    private volatile TerminalSize sttySize;

    OneSttyTerminal(InputStream in, OutputStream out, Charset charset) throws IOException {
        super(in, out, charset, CtrlCBehaviour.TRAP);
    }

    /** What Lanterna writes to ask for the cursor's position: ESC [ 6 n. */
    private static final byte[] REPORT_POSITION = {0x1b, '[', '6', 'n'};

    /**
     * Lanterna learns the terminal's size by moving the cursor far off and asking the terminal where
     * it is, then waits for the answer: the question must reach the terminal at once, not wait in the
     * output buffer for the next refresh.
     */
    @Override
    protected void writeToTerminal(byte... bytes) throws IOException {
        super.writeToTerminal(bytes);
        if (Arrays.equals(bytes, REPORT_POSITION)) {
            flush();
        }
    }

    /** The bytes of each ASCII character, made once (never written to: Lanterna only copies them out). */
    private static final byte[][] ASCII = new byte[128][];

    static {
        for (int c = 0; c < ASCII.length; c++) {
            ASCII[c] = new byte[] {(byte) c};
        }
    }

    /** Lanterna's per-character output, in UTF-8: see {@link #utf8}. */
    @Override
    protected byte[] translateCharacter(char c) {
        return utf8(c);
    }

    /**
     * {@code c} in UTF-8, the charset {@link TerminalSession} always gives, as Lanterna sends it
     * (a lone surrogate as '?'). Lanterna encodes each character with {@code Charset.encode}: an
     * encoder pass and two buffers per cell, about two thirds of the time the first frame took
     * before the JIT had compiled any of it. ASCII, most of a frame, needs no encoding at all.
     */
    static byte[] utf8(char c) {
        if (c < ASCII.length) {
            return ASCII[c];
        }
        return String.valueOf(c).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void saveTerminalSettings() throws IOException {
        // stty's path as $0, never as shell text. Lanterna's exec joins the output's lines without a
        // separator, so a comma (never in stty -g's colon-separated hex) parts the settings from the size.
        String out = exec("/bin/sh", "-c", "\"$0\" -g && \"$0\" -icanon min 1 -echo intr undef && echo , && \"$0\" size",
                STTY);
        int comma = out.indexOf(',');
        saved = (comma < 0 ? out : out.substring(0, comma)).trim();
        sttySize = comma < 0 ? null : size(out.substring(comma + 1));
        raw = true;
    }

    /**
     * {@code stty size}'s "ROWS COLUMNS", or null when it is not two positive numbers (a terminal
     * that never had its size set says "0 0").
     */
    static TerminalSize size(String rowsColumns) {
        String[] f = rowsColumns.trim().split(" ");
        try {
            int rows = f.length == 2 ? Integer.parseInt(f[0]) : 0;
            int columns = f.length == 2 ? Integer.parseInt(f[1]) : 0;
            return rows > 0 && columns > 0 ? new TerminalSize(columns, rows) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The size stty read at the start; after a resize, or when stty could not tell, Lanterna's
     * question to the terminal (where a far-off cursor ends up), which waits for the answer: over
     * SSH a round trip each time, and Lanterna asks twice as it opens the screen.
     */
    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        TerminalSize s = sttySize;
        return s != null ? s : super.findTerminalSize();
    }

    @Override
    protected void registerTerminalResizeListener(Runnable onResize) throws IOException {
        super.registerTerminalResizeListener(() -> {
            sttySize = null;
            onResize.run();
        });
    }

    @Override
    protected void restoreTerminalSettings() throws IOException {
        if (saved != null && raw) { // once: on quit, and not again from Lanterna's shutdown hook
            exec(STTY, saved); // the saved interrupt character included
            raw = false;
        }
    }

    @Override
    protected void canonicalMode(boolean enabled) throws IOException {
        if (enabled || !raw) {
            super.canonicalMode(enabled);
        }
    }

    @Override
    protected void keyEchoEnabled(boolean enabled) throws IOException {
        if (enabled || !raw) {
            super.keyEchoEnabled(enabled);
        }
    }

    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) throws IOException {
        if (enabled ? saved == null || raw : !raw) {
            super.keyStrokeSignalsEnabled(enabled);
        }
    }
}
