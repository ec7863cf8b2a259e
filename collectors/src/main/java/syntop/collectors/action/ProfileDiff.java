package syntop.collectors.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A profile against the running kernel: per key the current value, the new one, and what applying
 * would do. Shown before confirming, by {@code --dry-run}, and for undo (new = the saved value).
 */
public record ProfileDiff(String title, List<Row> rows) {
    /** What applying does to one key. */
    public enum Change {
        /** The value differs and will be set. */
        CHANGE,
        /** Already this value: left alone. */
        SAME,
        /** The key does not exist on this OS or kernel: left alone. */
        NOT_ON_OS,
        /** The current value cannot be read, so it could not be undone: left alone. */
        UNREADABLE,
        /** The value (or the key) is refused on this OS: the whole profile is refused. */
        INVALID
    }

    /** One key. */
    public record Row(String key, Setting current, String wanted, Change change, String problem, List<String> note) {
        public Row {
            Objects.requireNonNull(key);
            Objects.requireNonNull(current);
            Objects.requireNonNull(wanted);
            Objects.requireNonNull(change);
            Objects.requireNonNull(problem);
            note = List.copyOf(note);
        }
    }

    public ProfileDiff {
        Objects.requireNonNull(title);
        rows = List.copyOf(rows);
    }

    public long count(Change c) {
        return rows.stream().filter(r -> r.change() == c).count();
    }

    public boolean anyInvalid() {
        return count(Change.INVALID) > 0;
    }

    /** "2 to change, 1 already set, 1 not on this OS". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(count(Change.CHANGE) + " to change");
        if (count(Change.SAME) > 0) {
            parts.add(count(Change.SAME) + " already set");
        }
        if (count(Change.NOT_ON_OS) > 0) {
            parts.add(count(Change.NOT_ON_OS) + " not on this OS");
        }
        if (count(Change.UNREADABLE) > 0) {
            parts.add(count(Change.UNREADABLE) + " unreadable");
        }
        if (count(Change.INVALID) > 0) {
            parts.add(count(Change.INVALID) + " refused");
        }
        return String.join(", ", parts);
    }

    /** Aligned lines: key, current, new, and what happens. */
    public List<String> lines() {
        return lines(key -> Optional.empty());
    }

    /** As {@link #lines()}, each key followed by its one-line meaning, indented, where {@code meaning} knows it. */
    public List<String> lines(Function<String, Optional<String>> meaning) {
        int kw = 3;
        int cw = 7;
        for (Row r : rows) {
            kw = Math.max(kw, r.key().length());
            cw = Math.max(cw, Math.min(24, r.current().shown().length()));
        }
        List<String> out = new ArrayList<>();
        String fmt = "%-" + kw + "s  %-" + cw + "s  %-12s %s";
        out.add(String.format(Locale.ROOT, fmt, "key", "current", "new", ""));
        for (Row r : rows) {
            String what;
            switch (r.change()) {
                case CHANGE: what = "will change"; break;
                case SAME: what = "already set"; break;
                case NOT_ON_OS: what = "skipped"; break;
                case UNREADABLE: what = "skipped: cannot read it, so could not undo it"; break;
                default: what = "REFUSED: " + r.problem(); break;
            }
            String cur = r.current().shown();
            out.add(String.format(Locale.ROOT, fmt, r.key(), cur.length() > 24 ? cur.substring(0, 23) + "~" : cur,
                    r.wanted(), what).stripTrailing());
            meaning.apply(r.key()).ifPresent(m -> out.add("    = " + m));
        }
        return out;
    }
}
