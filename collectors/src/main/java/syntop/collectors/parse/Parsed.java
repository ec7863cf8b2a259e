package syntop.collectors.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a parser understood and what it did not. Parsers never throw on bad text: they return the
 * values they could read, the lines they could not, and notes in plain words.
 *
 * <p>Every non-blank line counts either as understood or as not understood. A line is not
 * understood when its shape is not the source's, and also when a value in it is out of range: a
 * count, limit or queue length that is negative or too large for 64 bits, or a port over 65535.
 * Such a value is never kept under another value's name, clamped, or dropped without a word: it is
 * quoted in {@link #unparsed} with the reason.
 *
 * <p><b>When the input as a whole is not understood</b> ({@link #inputNotUnderstood()}): when no
 * line was understood, or when more lines were not understood than were. A parser fed another
 * command's output may still recognise a header or a stray line; that a majority of the text was
 * not its source's is what says it is the wrong input. Its values are then not used (the source's
 * status says "output not understood") and {@code syntop parse} exits 1.
 *
 * @param value      the values understood (never null; empty when nothing was)
 * @param understood how many lines were understood
 * @param notUnderstood how many lines were not understood (all of them; {@code unparsed} quotes the first)
 * @param unparsed   lines that were not understood (capped, see {@link #MAX_UNPARSED})
 * @param notes      remarks in words (e.g. "all counters are zero: statistics need root")
 * @param needsRoot  set when the text itself shows that the OS hid the values from a non-root user
 */
public record Parsed<T>(T value, int understood, int notUnderstood, List<String> unparsed, List<String> notes, Optional<String> needsRoot) {
    public static final int MAX_UNPARSED = 50;

    public Parsed {
        Objects.requireNonNull(value);
        unparsed = List.copyOf(unparsed);
        notes = List.copyOf(notes);
        Objects.requireNonNull(needsRoot);
    }

    /**
     * True when the input was not what this parser reads: no line was understood, or more lines
     * were not understood than were (see the class comment).
     */
    public boolean inputNotUnderstood() {
        return understood == 0 || notUnderstood > understood;
    }

    public <U> Parsed<U> map(java.util.function.Function<T, U> f) {
        return new Parsed<>(f.apply(value), understood, notUnderstood, unparsed, notes, needsRoot);
    }

    /** Reads one line of a source into {@code into}, telling {@code c} whether it understood it. */
    @FunctionalInterface
    public interface LineReader<B> {
        void read(String line, B into, Collector c);
    }

    /**
     * The parse of a source read line by line: each non-blank line goes to {@code each}, which
     * builds into {@code into}; the value is what {@code finish} makes of it.
     */
    public static <B, T> Parsed<T> eachLine(List<String> lines, B into, LineReader<B> each, java.util.function.Function<B, T> finish) {
        Collector c = new Collector();
        for (String line : lines) {
            if (!line.isBlank()) {
                each.read(line, into, c);
            }
        }
        return c.result(finish.apply(into));
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
            return new Parsed<>(value, understood, unparsedCount, unparsed, n, Optional.ofNullable(needsRoot));
        }
    }
}
