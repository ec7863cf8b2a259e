package syntop.collectors.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an action did, line by line (one per key, command or address), and whether all of it
 * worked. The console shows the lines in a dialog; the command line prints them.
 */
public record ActionReport(String title, List<Line> lines, boolean ok, String summary) {
    /** How one line went. */
    public enum Status { DONE, FAILED, SKIPPED, INFO }

    /** One result; {@code argv} is the command behind it, empty for notes. */
    public record Line(Status status, String text, List<String> argv) {
        public Line {
            Objects.requireNonNull(status);
            Objects.requireNonNull(text);
            argv = List.copyOf(argv);
        }

        /** "ok      net.ipv4.tcp_syncookies: 1 -> 2". */
        public String shown() {
            String tag;
            switch (status) {
                case DONE: tag = "ok"; break;
                case FAILED: tag = "FAILED"; break;
                case SKIPPED: tag = "skipped"; break;
                default: tag = "";
            }
            return String.format(java.util.Locale.ROOT, "%-7s %s", tag, text);
        }
    }

    public ActionReport {
        Objects.requireNonNull(title);
        lines = List.copyOf(lines);
        Objects.requireNonNull(summary);
    }

    /** Collects lines while an action runs. */
    static final class Builder {
        private final String title;
        private final List<Line> lines = new ArrayList<>();
        private boolean failed;

        Builder(String title) {
            this.title = title;
        }

        Builder done(String text, List<String> argv) {
            lines.add(new Line(Status.DONE, text, argv));
            return this;
        }

        Builder failed(String text, List<String> argv) {
            failed = true;
            lines.add(new Line(Status.FAILED, text, argv));
            return this;
        }

        Builder skipped(String text) {
            lines.add(new Line(Status.SKIPPED, text, List.of()));
            return this;
        }

        Builder info(String text) {
            lines.add(new Line(Status.INFO, text, List.of()));
            return this;
        }

        boolean anyFailed() {
            return failed;
        }

        ActionReport build(String summary) {
            return new ActionReport(title, lines, !failed, summary);
        }
    }
}
