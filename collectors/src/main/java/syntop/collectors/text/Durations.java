package syntop.collectors.text;

import java.time.Duration;

/** Short human forms of durations, as shown in status chips ("850 ms", "1.8 s", "5 s"). */
public final class Durations {
    private Durations() {
    }

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 10) {
            long us = d.toNanos() / 1000;
            return us < 1000 ? us + " µs" : String.format(java.util.Locale.ROOT, "%.1f ms", us / 1000.0);
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 1000 == 0) {
            return (ms / 1000) + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
