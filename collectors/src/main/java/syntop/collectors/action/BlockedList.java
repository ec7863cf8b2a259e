package syntop.collectors.action;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What syntop blocked, so a list can show it and unblock it: one line per address, with the
 * table (and set) it went into and when. Kept next to the undo state. The firewall itself is the
 * truth; this list is syntop's memory of its own doing.
 */
public final class BlockedList {
    /** One blocked address or prefix. */
    public record Entry(IpPrefix source, BlockTarget target, Instant at) {
        public Entry {
            Objects.requireNonNull(source);
            Objects.requireNonNull(target);
            Objects.requireNonNull(at);
        }
    }

    private static final String HEADER = "# syntop blocked list: ADDRESS TABLE/SET TIME, one per line.\n"
            + "# 'syntop unblock ADDRESS' (or B in the console) removes an entry and its firewall element.\n";

    private final Path file;
    private final String namespace;

    public BlockedList(Path file, String namespace) {
        this.file = file;
        this.namespace = namespace;
    }

    /** The network namespace this state belongs to. */
    public String namespace() {
        return namespace;
    }

    public Path file() {
        return file;
    }

    public List<Entry> read() {
        List<String> lines;
        try {
            lines = StateFiles.readLines(file);
        } catch (IOException e) {
            throw new ActionRefused(ActionRefused.Reason.UNSAFE_FILE, "cannot read the blocked list " + file + ": " + e.getMessage());
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            try {
                if (f.length != 3) {
                    throw ActionRefused.invalid("expected ADDRESS TABLE/SET TIME");
                }
                out.add(new Entry(IpPrefix.parse(f[0]), BlockTarget.fromToken(f[1]), Instant.parse(f[2])));
            } catch (ActionRefused | DateTimeParseException e) {
                throw new ActionRefused(ActionRefused.Reason.UNSAFE_FILE, "the blocked list " + file + " line " + (i + 1)
                        + ": " + e.getMessage() + "; fix or remove the file");
            }
        }
        return out;
    }

    public void add(Entry e) throws IOException {
        List<Entry> all = new ArrayList<>(read());
        all.removeIf(x -> x.source().equals(e.source()) && x.target().equals(e.target()));
        all.add(e);
        write(all);
    }

    public void remove(IpPrefix source, BlockTarget target) throws IOException {
        List<Entry> all = new ArrayList<>(read());
        all.removeIf(x -> x.source().equals(source) && x.target().equals(target));
        write(all);
    }

    private void write(List<Entry> all) throws IOException {
        if (all.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        StringBuilder sb = new StringBuilder(HEADER).append("# network namespace: ").append(namespace).append('\n');
        for (Entry e : all) {
            sb.append(e.source()).append(' ').append(e.target().token()).append(' ').append(e.at()).append('\n');
        }
        StateFiles.writeAtomically(file, sb.toString());
    }
}
