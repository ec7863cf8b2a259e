package syntop.collectors.action;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One of syntop's own state files of a network namespace (the undo state, the blocked list, the SYN
 * proxy state): plain text an operator can read, a header saying what it is and which namespace
 * it belongs to, {@code #} comments. A file that cannot be read, or a line that is not understood,
 * refuses the action ({@link ActionRefused.Reason#UNSAFE_FILE}) and says where; a file that would
 * hold nothing is removed.
 */
abstract class StateFile {
    /** A line that holds something, stripped, with its number in the file (from 1). */
    record Line(int number, String text) {
    }

    private final Path file;
    private final String namespace;
    private final String name;

    /** {@code name} says what the file is in messages ("the undo state"). */
    StateFile(Path file, String namespace, String name) {
        this.file = Objects.requireNonNull(file);
        this.namespace = Objects.requireNonNull(namespace);
        this.name = name;
    }

    /** The network namespace this state belongs to. */
    public final String namespace() {
        return namespace;
    }

    public final Path file() {
        return file;
    }

    /** The lines that are neither blank nor comments; none when the file does not exist. */
    final List<Line> lines() {
        List<String> all;
        try {
            all = StateFiles.readLines(file);
        } catch (IOException e) {
            throw new ActionRefused(ActionRefused.Reason.UNSAFE_FILE, "cannot read " + name + " " + file + ": " + e.getMessage());
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                out.add(new Line(i + 1, line));
            }
        }
        return out;
    }

    /** The refusal for a line that is not understood. */
    final ActionRefused damaged(int line, String why) {
        return new ActionRefused(ActionRefused.Reason.UNSAFE_FILE, name + " " + file + " line " + line + ": " + why
                + "; fix or remove the file");
    }

    /**
     * Replaces the file with {@code header}, the namespace it belongs to and {@code body} (lines,
     * each ending in a newline); an empty body removes the file.
     */
    final void replace(String header, String body) throws IOException {
        if (body.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        StateFiles.writeAtomically(file, header + "# network namespace: " + namespace + "\n" + body);
    }
}
