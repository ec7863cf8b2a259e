package syntop.collectors.action;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What syntop put behind its SYN proxy in one network namespace, kept next to the undo state so
 * {@code syntop synproxy}, {@code off} and {@code undo} work after a restart: each port, since
 * when and its SYN_RCVD count then, and the kernel settings syntop changed for the proxy with the values to restore. Plain text:
 * <pre>
 * port 8080 2026-12-03T09:00:00Z 128
 * restore net.netfilter.nf_conntrack_tcp_loose 1
 * </pre>
 * Every port, key and value is checked again when read.
 */
public final class SynproxyState extends StateFile {
    /**
     * The ports (with since when), SYN_RCVD on each when it went behind the proxy (where it was
     * measured), and the settings to restore once the last port is off.
     */
    public record Content(SortedMap<Integer, Instant> ports, Map<Integer, Long> before, Map<String, String> restore) {
        public Content {
            ports = Collections.unmodifiableSortedMap(new TreeMap<>(ports));
            TreeMap<Integer, Long> b = new TreeMap<>(before);
            b.keySet().retainAll(ports.keySet());
            before = Collections.unmodifiableMap(b);
            restore = Collections.unmodifiableMap(new LinkedHashMap<>(restore));
        }

        public boolean isEmpty() {
            return ports.isEmpty() && restore.isEmpty();
        }

        /** The newest time a port went behind the proxy, for undo's "newest first". */
        public java.util.Optional<Instant> newest() {
            return ports.values().stream().max(Instant::compareTo);
        }
    }

    private static final String HEADER = "# syntop SYN proxy state: the ports behind syntop's SYN proxy  (PORT SINCE [SYN_RCVD then]) and the\n"
            + "# kernel settings syntop changed for it (restore KEY VALUE), restored when the last port is off.\n";

    public SynproxyState(Path file, String namespace) {
        super(file, namespace, "the SYN proxy state");
    }

    public Content read() {
        TreeMap<Integer, Instant> ports = new TreeMap<>();
        Map<Integer, Long> before = new TreeMap<>();
        Map<String, String> restore = new LinkedHashMap<>();
        for (Line l : lines()) {
            String line = l.text();
            String[] f = line.split("\\s+");
            try {
                if ((f.length == 3 || f.length == 4) && f[0].equals("port")) {
                    int port = Inputs.port(f[1]);
                    ports.put(port, Instant.parse(f[2]));
                    if (f.length == 4) {
                        if (!f[3].matches("\\d{1,18}")) {
                            throw ActionRefused.invalid("SYN_RCVD before is not a count: " + Inputs.quote(f[3]));
                        }
                        before.put(port, Long.parseLong(f[3]));
                    }
                } else if (f.length >= 3 && f[0].equals("restore")) {
                    String key = Inputs.tunableKey(f[1]);
                    restore.put(key, Setting.normalise(line.substring(line.indexOf(f[1]) + f[1].length())));
                } else {
                    throw ActionRefused.invalid("expected 'port PORT SINCE [SYN_RCVD]' or 'restore KEY VALUE'");
                }
            } catch (ActionRefused | DateTimeParseException e) {
                throw damaged(l.number(), e.getMessage());
            }
        }
        return new Content(ports, before, restore);
    }

    /** Replaces the file (removes it when {@code c} is empty). */
    public void write(Content c) throws IOException {
        StringBuilder sb = new StringBuilder();
        c.ports().forEach((p, at) -> sb.append("port ").append(p).append(' ').append(at)
                .append(c.before().containsKey(p) ? " " + c.before().get(p) : "").append('\n'));
        c.restore().forEach((k, v) -> sb.append("restore ").append(k).append(' ').append(v).append('\n'));
        replace(HEADER, sb.toString());
    }
}
