package syntop.tui.console;

import com.googlecode.lanterna.TextColor;

import syntop.collectors.threads.Daemons;

/**
 * What the console's first frame would wait for and that needs nothing from the machine, done on a
 * second thread while the first one reads the platform, the preferences and the theme: Lanterna's
 * ANSI colours, whose constructors format their escape codes with {@code String.format}, which
 * loads the locale's number formats (about 25 ms of a cold JVM's start-up). A thread that reaches
 * a class while this one initialises it waits for it, and never initialises it twice.
 */
public final class ConsoleWarmUp implements Runnable {
    private ConsoleWarmUp() {
    }

    /** Starts the warm-up; the console never waits for it as such. */
    public static void start() {
        Daemons.thread("syntop-warm-up", new ConsoleWarmUp()).start();
    }

    @Override
    public void run() {
        TextColor.ANSI.DEFAULT.getForegroundSGRSequence();
    }
}
