package syntop.tui.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the console remembers between runs, as htop's htoprc does: {@code delay} (seconds),
 * {@code theme}, {@code sort} and {@code ascii} (yes/no), in the user's {@code syntop.conf}, the
 * same file and syntax as the action settings. Read when a console starts; a key is written back
 * when the operator changes it in the console, and every other line of the file is kept.
 */
public record Preferences(Optional<Duration> delay, Optional<String> theme, Optional<String> sort,
                          Optional<Boolean> ascii, List<String> problems) {
    public static final List<String> KEYS = List.of("delay", "theme", "sort", "ascii");

    public Preferences {
        problems = List.copyOf(problems);
    }

    public static Preferences none() {
        return new Preferences(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** The preference keys of {@code text}; other keys are the action settings' (or unknown to both, which they say). */
    public static Preferences of(ConfText text) {
        Map<String, String> v = text.values();
        List<String> problems = new ArrayList<>();
        Optional<Duration> delay = Optional.empty();
        if (v.containsKey("delay")) {
            try {
                double s = Double.parseDouble(v.get("delay"));
                if (s >= 0.2 && s <= 3600) {
                    delay = Optional.of(Duration.ofMillis(Math.round(s * 1000)));
                } else {
                    problems.add("delay must be between 0.2 and 3600 seconds");
                }
            } catch (NumberFormatException e) {
                problems.add("delay is not a number of seconds");
            }
        }
        Optional<Boolean> ascii = Optional.empty();
        if (v.containsKey("ascii")) {
            String a = v.get("ascii").toLowerCase(java.util.Locale.ROOT);
            if (a.matches("yes|true|on|1")) {
                ascii = Optional.of(true);
            } else if (a.matches("no|false|off|0")) {
                ascii = Optional.of(false);
            } else {
                problems.add("ascii must be yes or no");
            }
        }
        return new Preferences(delay, Optional.ofNullable(v.get("theme")).filter(t -> !t.isEmpty()),
                Optional.ofNullable(v.get("sort")).filter(t -> !t.isEmpty()), ascii, problems);
    }

    /** The value written for a delay: seconds, without a needless fraction. */
    public static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }

    /** The user's {@code syntop.conf}, where preferences are read and written. */
    public record File(Path path) {
        public static File of(Map<String, String> env) {
            return new File(ConfText.userDir(env).resolve("syntop.conf"));
        }

        /** The preferences in the file; one that cannot be read gives none and says why. */
        public Preferences read() {
            try {
                return Preferences.of(ConfText.read(path));
            } catch (IOException | RuntimeException e) {
                return new Preferences(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        List.of("cannot read " + path + ": " + e.getMessage()));
            }
        }

        /**
         * Sets {@code key} to {@code value} in the file as it is now (edits made meanwhile are kept);
         * empty when saved, else why not, in one line. A file (or, before it exists, the directory
         * it would go in) that belongs to another user is left alone: root under {@code sudo} with
         * the user's HOME must not leave a root-owned file in that home.
         */
        public Optional<String> save(String key, String value) {
            try {
                Path owned = path;
                while (owned != null && !Files.exists(owned)) {
                    owned = owned.getParent();
                }
                String me = System.getProperty("user.name");
                if (owned != null) {
                    String owner = Files.getOwner(owned).getName();
                    if (!owner.equals(me)) {
                        return Optional.of("preferences not saved: " + owned + " belongs to " + owner + ", not " + me);
                    }
                }
                ConfText.writeAtomically(path, ConfText.read(path).with(key, value).text());
                return Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.of("preferences not saved to " + path + ": " + e.getMessage());
            }
        }
    }
}
