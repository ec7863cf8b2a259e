package syntop.collectors.action;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import syntop.collectors.report.JsonWriter;
import syntop.collectors.source.CommandResult;

/**
 * The append-only record of what syntop did: one JSON object per line with the time, the user,
 * the action, the exact argv, the outcome and exit status, and the first lines of output; refused
 * actions too. The file is opened for appending only and created private (0600). syntop checks it
 * can write here before it changes anything, so nothing happens unrecorded.
 */
public final class AuditLog {
    /** Output lines kept per command. */
    public static final int OUTPUT_LINES = 5;
    private static final int LINE_CHARS = 200;

    private final Path file;
    private final Identity identity;
    private final Clock clock;

    public AuditLog(Path file, Identity identity, Clock clock) {
        this.file = file;
        this.identity = identity;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Throws {@link ActionRefused} when the log cannot be appended to. */
    public void ensureWritable() {
        try {
            open().close();
        } catch (IOException | RuntimeException e) {
            throw new ActionRefused(ActionRefused.Reason.NEEDS_ROOT, "cannot write the audit log " + file + ": " + e.getMessage()
                    + "; syntop does not act unrecorded");
        }
    }

    /** One command run as part of {@code action}. */
    public void command(String action, CommandResult r) {
        JsonWriter w = start(action);
        w.name("argv").beginArray();
        r.argv().forEach(w::value);
        w.endArray();
        w.name("outcome").value(r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        w.name("exit").value(r.exitCode());
        w.name("output").beginArray();
        for (String line : firstLines(r)) {
            w.value(line);
        }
        w.endArray();
        append(w.endObject());
    }

    /** An action refused before it ran anything. */
    public void refused(String action, String reason) {
        append(start(action).name("refused").value(reason).endObject());
    }

    /** A note about an action with no command (state written, list changed). */
    public void note(String action, String text) {
        append(start(action).name("note").value(text).endObject());
    }

    private JsonWriter start(String action) {
        JsonWriter w = new JsonWriter(false);
        w.beginObject();
        w.name("time").value(clock.instant().toString());
        w.name("user").value(identity.user());
        w.name("uid").value(identity.uid());
        identity.sudoUser().ifPresent(u -> w.name("sudo_user").value(u));
        w.name("action").value(action);
        return w;
    }

    private static List<String> firstLines(CommandResult r) {
        List<String> out = new ArrayList<>();
        String all = r.stdoutText() + (r.stderr().isBlank() ? "" : "\n" + r.stderr())
                + (r.detail().isBlank() ? "" : "\n" + r.detail());
        for (String line : all.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (out.size() == OUTPUT_LINES) {
                out.add("...");
                break;
            }
            out.add(line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS) + "..." : line);
        }
        return out;
    }

    private FileChannel open() throws IOException {
        StateFiles.ensureDir(file.toAbsolutePath().getParent());
        Set<StandardOpenOption> opts = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        try {
            return FileChannel.open(file, opts, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(file, opts);
        }
    }

    private void append(JsonWriter w) {
        byte[] line = (w.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = open()) {
            ch.write(ByteBuffer.wrap(line));
        } catch (IOException e) {
            throw new IllegalStateException("cannot append to the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    /** For tests and {@code syntop blocked}: the log's lines. */
    public List<String> lines() throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }
}
