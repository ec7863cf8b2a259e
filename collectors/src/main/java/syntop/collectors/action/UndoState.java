package syntop.collectors.action;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values syntop replaced, kept so {@code undo} can put them back, also after a restart. One
 * section per applied profile, newest last; undo restores the newest section and removes it. The
 * file is plain text an operator can read:
 * <pre>
 * [syn-flood 2025-05-01T10:00:00Z]
 * net.ipv4.tcp_syncookies = 1
 * </pre>
 * Every key and value is checked again when read, so an edited file cannot smuggle in a value
 * syntop would refuse.
 */
public final class UndoState extends StateFile {
    /** One applied profile and the values it replaced. */
    public record Section(String profile, Instant at, Map<String, String> previous) {
        public Section {
            Objects.requireNonNull(profile);
            Objects.requireNonNull(at);
            previous = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(previous));
        }
    }

    private static final String HEADER = "# syntop undo state: the sysctl values syntop replaced, newest profile last.\n"
            + "# 'syntop undo' (or u in the console) restores the newest section and removes it.\n";

    public UndoState(Path file, String namespace) {
        super(file, namespace, "the undo state");
    }

    public List<Section> read() {
        List<Section> out = new ArrayList<>();
        String name = null;
        Instant at = null;
        Map<String, String> values = new LinkedHashMap<>();
        for (Line l : lines()) {
            String line = l.text();
            if (line.startsWith("[") && line.endsWith("]")) {
                if (name != null) {
                    out.add(new Section(name, at, values));
                }
                String[] h = line.substring(1, line.length() - 1).strip().split(" ");
                if (h.length != 2) {
                    throw damaged(l.number(), "section header is not [PROFILE TIME]");
                }
                name = Inputs.profileName(h[0]);
                try {
                    at = Instant.parse(h[1]);
                } catch (DateTimeParseException e) {
                    throw damaged(l.number(), "bad time " + Inputs.quote(h[1]));
                }
                values = new LinkedHashMap<>();
                continue;
            }
            int eq = line.indexOf('=');
            if (name == null || eq < 0) {
                throw damaged(l.number(), "expected [PROFILE TIME] or key = value");
            }
            try {
                String k = Inputs.sysctlKey(line.substring(0, eq));
                values.put(k, Inputs.sysctlValue(k, line.substring(eq + 1)));
            } catch (ActionRefused e) {
                throw damaged(l.number(), e.getMessage());
            }
        }
        if (name != null) {
            out.add(new Section(name, at, values));
        }
        return out;
    }

    public Optional<Section> newest() {
        List<Section> all = read();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Adds a section at the end (written before the profile is applied). */
    public void push(Section s) throws IOException {
        List<Section> all = new ArrayList<>(read());
        all.add(s);
        write(all);
    }

    /** Replaces the newest section ({@code empty}: removes it). */
    public void replaceNewest(Optional<Section> s) throws IOException {
        List<Section> all = new ArrayList<>(read());
        if (!all.isEmpty()) {
            all.remove(all.size() - 1);
        }
        s.filter(x -> !x.previous().isEmpty()).ifPresent(all::add);
        write(all);
    }

    private void write(List<Section> all) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Section s : all) {
            sb.append('[').append(s.profile()).append(' ').append(s.at()).append("]\n");
            s.previous().forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        }
        replace(HEADER, sb.toString());
    }
}
