package syntop.collectors.action;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
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

    /**
     * Parses profile text. Every line must be blank, a comment or {@code key = value} with a
     * valid key and a value of the accepted shape; keys appear once. All problems are reported
     * together, with line numbers, and nothing of a bad profile is used.
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
            int eq = line.indexOf('=');
            if (eq < 0) {
                errors.add("line " + n + ": not 'key = value': " + Inputs.quote(line));
                note.clear();
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            try {
                if (key.startsWith("-")) {
                    throw ActionRefused.invalid("a leading '-' (ignore errors) is not accepted: syntop reports every key");
                }
                String k = Inputs.sysctlKey(key);
                String v = Inputs.sysctlValue(k, value);
                if (!seen.add(k)) {
                    throw ActionRefused.invalid(k + " appears twice");
                }
                entries.add(new Entry(k, v, note, n));
            } catch (ActionRefused e) {
                errors.add("line " + n + ": " + e.getMessage());
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
