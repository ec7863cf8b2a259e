package syntop.collectors.action;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A saved set of sysctl values in plain {@code sysctl.conf} syntax: {@code key = value} lines,
 * {@code #} or {@code ;} comments, blank lines. The comment lines right above a key are kept as
 * its note (what it does, what it risks).
 *
 * @param name    the profile's name ({@code syn-flood})
 * @param origin  "built-in" or the file it came from
 * @param entries the keys in file order
 */
public record Profile(String name, String origin, List<Entry> entries) {
    /** Most entries one profile may hold. */
    public static final int MAX_ENTRIES = 200;

    /** One {@code key = value} line with the comment above it. */
    public record Entry(String key, String value, List<String> note, int line) {
        public Entry {
            Objects.requireNonNull(key);
            Objects.requireNonNull(value);
            note = List.copyOf(note);
        }
    }

    public Profile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(origin);
        entries = List.copyOf(entries);
    }

    /** What is wrong with one {@code key = value} line, in words that quote none of it; empty when it is fine. */
    private static Optional<String> problem(int n, String line, Set<String> seen) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            return Optional.of("line " + n + ": not 'key = value'");
        }
        String key = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        if (key.startsWith("-")) {
            return Optional.of("line " + n + ": a leading '-' (ignore errors) is not accepted: syntop reports every key");
        }
        try {
            Inputs.sysctlKey(key);
        } catch (ActionRefused e) {
            return Optional.of("line " + n + ": not a sysctl key"
                    + (key.indexOf('/') >= 0 ? " (write it with dots, not slashes)" : " (dot-separated parts of letters, digits, '_' and '-')"));
        }
        try {
            Inputs.tunableKey(key);
        } catch (ActionRefused e) {
            return Optional.of("line " + n + ": not a key syntop tunes (only net.* and the kern.ipc socket limits)");
        }
        // from here the key is a known tunable's name, safe to show; the value still is not
        try {
            Inputs.sysctlValue(key, value);
        } catch (ActionRefused e) {
            return Optional.of("line " + n + ": " + key + ": not a value syntop sets (numbers separated by spaces, "
                    + "or one word starting with a letter), or longer than " + Inputs.MAX_VALUE + " characters");
        }
        if (seen.contains(key)) {
            return Optional.of("line " + n + ": " + key + " appears twice");
        }
        return Optional.empty();
    }

    /**
     * Parses profile text. Every line must be blank, a comment or {@code key = value} with a key
     * syntop tunes and a value of the accepted shape; keys appear once. All problems are reported
     * together, by line number and reason, and nothing of a bad profile is used. A line that does
     * not parse is never quoted: a profile path can point at any file root may read.
     */
    public static Profile parse(String name, String origin, List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> note = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            String raw = lines.get(i);
            String line = raw.strip();
            if (line.isEmpty()) {
                note.clear();
                continue;
            }
            if (line.startsWith("#") || line.startsWith(";")) {
                note.add(line.substring(1).strip());
                continue;
            }
            Optional<String> problem = problem(n, line, seen);
            if (problem.isPresent()) {
                errors.add(problem.get());
            } else {
                int eq = line.indexOf('=');
                String k = line.substring(0, eq).strip();
                entries.add(new Entry(k, Inputs.sysctlValue(k, line.substring(eq + 1).strip()), note, n));
                seen.add(k);
            }
            note.clear();
        }
        if (entries.size() > MAX_ENTRIES) {
            errors.add("more than " + MAX_ENTRIES + " keys");
        }
        if (errors.isEmpty() && entries.isEmpty()) {
            errors.add("no 'key = value' line");
        }
        if (!errors.isEmpty()) {
            throw ActionRefused.invalid("profile " + name + " (" + origin + "): " + String.join("; ", errors));
        }
        return new Profile(name, origin, entries);
    }
}
