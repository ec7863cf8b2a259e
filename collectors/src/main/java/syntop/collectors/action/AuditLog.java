package syntop.collectors.action;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import syntop.collectors.json.JsonWriter;
import syntop.collectors.source.CommandResult;

/**
 * The append-only record of what syntop did: one JSON object per line with the time, the user,
 * the action and what it concerns. For each action: its intent before anything runs, each command
 * with its exact argv, exit status and first lines of output, then its outcome; refused actions
 * too. Every record is written whole and forced to disk, or not at all: a write that fails half
 * way (a full disk) is cut back, and the caller learns it failed ({@link IOException}), so syntop
 * can refuse to act rather than act unrecorded. The file is opened for appending only and created
 * private (0600).
 *
 * @param file     the log file
 * @param identity who runs syntop, named in every record
 * @param clock    the time of every record
 */
public record AuditLog(Path file, Identity identity, Clock clock) {
    /** Output lines kept per command. */
    public static final int OUTPUT_LINES = 5;
    private static final int LINE_CHARS = 200;

    /** What an action will do, before it runs anything. */
    void intent(ActionIntent i, String namespace) throws IOException {
        JsonWriter w = start(i);
        if (!namespace.isEmpty()) {
            w.name("netns").value(namespace);
        }
        append(w.name("intent").value(true).endObject());
    }

    /** One command run as part of {@code action}. */
    void command(String action, CommandResult r) throws IOException {
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

    /** How an action ended. */
    void outcome(String action, boolean ok, String summary) throws IOException {
        append(start(action).name("result").value(ok ? "ok" : "failed").name("summary").value(summary).endObject());
    }

    /** An action refused before it ran anything, with what it concerned. */
    void refused(ActionIntent i, String reason) throws IOException {
        append(start(i).name("refused").value(reason).endObject());
    }

    /** A note about an action with no command (state written, list changed). */
    void note(String action, String text) throws IOException {
        append(start(action).name("note").value(text).endObject());
    }

    private JsonWriter start(ActionIntent i) {
        JsonWriter w = start(i.action());
        w.name("subjects").beginArray();
        i.subjects().forEach(w::value);
        w.endArray();
        return w;
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

    /** Appends one whole line and forces it to disk; on failure cuts back what was written of it. */
    private void append(JsonWriter w) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((w.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        try (FileChannel ch = open()) {
            long before = ch.size();
            try {
                while (line.hasRemaining()) {
                    if (ch.write(line) == 0) {
                        throw new IOException("no space written");
                    }
                }
                ch.force(false);
            } catch (IOException e) {
                cutBack(ch, before);
                throw e;
            }
        } catch (IOException e) {
            throw new IOException("cannot append to the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    private static void cutBack(FileChannel ch, long size) {
        try {
            if (ch.size() > size) {
                ch.truncate(size);
            }
        } catch (IOException ignored) {
            // a device such as /dev/full cannot be cut back; nothing of the line reached it
        }
    }
}
