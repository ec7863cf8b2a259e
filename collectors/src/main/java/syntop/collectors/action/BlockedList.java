package syntop.collectors.action;

import java.io.IOException;
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
public final class BlockedList extends StateFile {
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

    public BlockedList(Path file, String namespace) {
        super(file, namespace, "the blocked list");
    }

    public List<Entry> read() {
        List<Entry> out = new ArrayList<>();
        for (Line line : lines()) {
            String[] f = line.text().split("\\s+");
            try {
                if (f.length != 3) {
                    throw ActionRefused.invalid("expected ADDRESS TABLE/SET TIME");
                }
                out.add(new Entry(IpPrefix.parse(f[0]), BlockTarget.fromToken(f[1]), Instant.parse(f[2])));
            } catch (ActionRefused | DateTimeParseException e) {
                throw damaged(line.number(), e.getMessage());
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
        StringBuilder sb = new StringBuilder();
        for (Entry e : all) {
            sb.append(e.source()).append(' ').append(e.target().token()).append(' ').append(e.at()).append('\n');
        }
        replace(HEADER, sb.toString());
    }
}
