package syntop.collectors.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a parser understood and what it did not. Parsers never throw on bad text: they return the
 * values they could read, the lines they could not, and notes in plain words.
 *
 * @param value      the values understood (never null; empty when nothing was)
 * @param understood how many lines were understood
 * @param unparsed   lines that were not understood (capped, see {@link #MAX_UNPARSED})
 * @param notes      remarks in words (e.g. "all counters are zero: statistics need root")
 * @param needsRoot  set when the text itself shows that the OS hid the values from a non-root user
 */
public record Parsed<T>(T value, int understood, List<String> unparsed, List<String> notes, Optional<String> needsRoot) {
    public static final int MAX_UNPARSED = 50;

    public Parsed {
        Objects.requireNonNull(value);
        unparsed = List.copyOf(unparsed);
        notes = List.copyOf(notes);
        Objects.requireNonNull(needsRoot);
    }

    /** True when no line at all was understood: the source printed something we cannot read. */
    public boolean nothingUnderstood() {
        return understood == 0;
    }

    public <U> Parsed<U> map(java.util.function.Function<T, U> f) {
        return new Parsed<>(f.apply(value), understood, unparsed, notes, needsRoot);
    }

    /** Accumulates a parse result line by line. */
    public static final class Collector {
        private int understood;
        private int unparsedCount;
        private final List<String> unparsed = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private String needsRoot;

        public void understood() {
            understood++;
        }

        public void understood(int n) {
            understood += n;
        }

        public void unparsed(String line) {
            unparsedCount++;
            if (unparsed.size() < MAX_UNPARSED) {
                unparsed.add(line.length() > 200 ? line.substring(0, 200) + "…" : line);
            }
        }

        public void note(String note) {
            notes.add(note);
        }

        public void needsRoot(String why) {
            this.needsRoot = why;
        }

        public int understoodCount() {
            return understood;
        }

        public boolean anyUnparsed() {
            return unparsedCount > 0;
        }

        public <T> Parsed<T> result(T value) {
            List<String> n = new ArrayList<>(notes);
            if (unparsedCount > unparsed.size()) {
                n.add((unparsedCount - unparsed.size()) + " more lines not understood");
            }
            return new Parsed<>(value, understood, unparsed, n, Optional.ofNullable(needsRoot));
        }
    }
}
