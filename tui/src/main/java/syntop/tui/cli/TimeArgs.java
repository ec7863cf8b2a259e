package syntop.tui.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations and times as typed on the command line: {@code 90}, {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}. */
final class TimeArgs {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)?");

    private TimeArgs() {
    }

    /** A duration; plain numbers are seconds. An {@link IllegalArgumentException} when it is not one. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 90, 30s, 5m, 1h30m)");
        }
        Matcher m = PART.matcher(t);
        int pos = 0;
        double nanos = 0;
        while (pos < t.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 90, 30s, 5m, 1h30m)");
            }
            double v = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            switch (unit) {
                case "ms": nanos += v * 1e6; break;
                case "m": nanos += v * 60e9; break;
                case "h": nanos += v * 3600e9; break;
                case "d": nanos += v * 86400e9; break;
                default: nanos += v * 1e9; break;
            }
            pos = m.end();
        }
        if (nanos > 3.65e4 * 86400e9) {
            throw new IllegalArgumentException("'" + text + "' is too long");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /** A point in a recording: an instant with its zone, {@code +DURATION} after the first tick, {@code -DURATION} before the last. */
    record Point(Instant instant, Duration fromStart, Duration beforeEnd) {
        static Point parse(String text) {
            String t = text.strip();
            if (t.startsWith("+")) {
                return new Point(null, duration(t.substring(1)), null);
            }
            if (t.startsWith("-")) {
                return new Point(null, null, duration(t.substring(1)));
            }
            try {
                return new Point(OffsetDateTime.parse(t).toInstant(), null, null);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a time: give an instant with its zone "
                        + "(2025-03-01T12:00:30Z), +30s after the first tick, or -30s before the last");
            }
        }

        Instant resolve(Instant first, Instant last) {
            if (instant != null) {
                return instant;
            }
            return fromStart != null ? first.plus(fromStart) : last.minus(beforeEnd);
        }
    }
}
