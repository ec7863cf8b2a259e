package syntop.tui.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import syntop.collectors.files.AtomicFile;

/**
 * The text of a {@code syntop.conf}: {@code key = value} lines, blank lines and comments
 * ({@code #} or {@code ;}). One reader for every key the file may hold (actions, preferences), and
 * an editor that changes one key's line and keeps every other line as the user wrote it.
 */
public final class ConfText {
    /** A {@code key = value} line (1-based line number). */
    public record Entry(int line, String key, String value) {
    }

    private final List<String> lines;

    private ConfText(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    public static ConfText parse(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the end of the last line, or an empty text
        }
        return new ConfText(lines);
    }

    /** The file's text; a file that does not exist is empty. */
    public static ConfText read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return parse("");
        }
    }

    private static boolean ignored(String stripped) {
        return stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";");
    }

    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int eq = line.indexOf('=');
            if (!ignored(line) && eq >= 0) {
                all.add(new Entry(i + 1, line.substring(0, eq).strip(), line.substring(eq + 1).strip()));
            }
        }
        return all;
    }

    /** Line numbers of lines that are neither blank, a comment nor {@code key = value}. */
    public List<Integer> malformed() {
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!ignored(line) && line.indexOf('=') < 0) {
                bad.add(i + 1);
            }
        }
        return bad;
    }

    /** Each key's value; a later line wins. */
    public Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        entries().forEach(e -> v.put(e.key(), e.value()));
        return v;
    }

    /** This text with {@code key = value}: the line that sets the key now is replaced, else one is appended. */
    public ConfText with(String key, String value) {
        List<String> out = new ArrayList<>(lines);
        List<Entry> setting = entries().stream().filter(e -> e.key().equals(key)).toList();
        String line = key + " = " + value;
        if (setting.isEmpty()) {
            out.add(line);
        } else {
            out.set(setting.get(setting.size() - 1).line() - 1, line);
        }
        return new ConfText(out);
    }

    public String text() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /**
     * Replaces {@code path} with {@code text} in one step ({@link AtomicFile#replace}): a reader,
     * or a crash, sees the old file or the new one; a new file is readable by its owner only.
     */
    public static void writeAtomically(Path path, String text) throws IOException {
        // a file kept elsewhere behind a symlink (a dotfiles repository) is replaced there, and the link stays
        Path file = Files.isSymbolicLink(path) ? path.toRealPath() : path;
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.replace(file, text);
    }

    /** The user's syntop config directory: {@code $XDG_CONFIG_HOME/syntop}, default {@code ~/.config/syntop}. */
    public static Path userDir(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home", "/")));
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg != null && xdg.startsWith("/") ? Path.of(xdg) : home.resolve(".config")).resolve("syntop");
    }
}
