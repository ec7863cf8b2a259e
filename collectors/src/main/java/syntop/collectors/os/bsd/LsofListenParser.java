package syntop.collectors.os.bsd;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import syntop.collectors.model.OwnerListing;
import syntop.collectors.model.ProcessOwner;
import syntop.collectors.model.Reading;
import syntop.collectors.model.SocketOwner;
import syntop.collectors.parse.Numbers;
import syntop.collectors.parse.Parsed;

/**
 * {@code lsof -nP -iTCP -sTCP:LISTEN -FpcuLftn}: lsof's field output, the form its manual gives
 * programs (lsof(8), OUTPUT FOR OTHER PROGRAMS). One field a line, its first character naming it:
 * a process set starts with {@code p} (pid) and holds {@code c} (command), {@code u} (uid) and
 * {@code L} (login name, absent when none is known); each of its files then starts with {@code f}
 * (descriptor; lsof 4.88 to 4.93.2 print it unasked) and holds {@code t} ({@code IPv4}/{@code IPv6})
 * and {@code n}, the listening address ({@code *:22}, {@code 127.0.0.1:8080}, {@code [::1]:631}).
 * lsof lists another user's processes only to root, and prints nothing, exiting 1, when it lists
 * none: that output says no listener is visible, and each listener is said to be unnamed by it.
 */
public final class LsofListenParser {
    /** What is said of a listener lsof names no process for. */
    public static final String UNNAMED = "not listed by lsof (another user's process: lsof lists those to root only)";

    /** The fields asked for ({@code p} is always printed): a line of another field is not this command's output. */
    private static final String FIELDS = "pcuLftn";

    private LsofListenParser() {
    }

    public static Parsed<Reading> parse(List<String> lines) {
        Parsed.Collector c = new Parsed.Collector();
        List<SocketOwner> owners = new ArrayList<>();
        long pid = -1;
        String command = "";
        String uid = "";
        String login = "";
        String type = "";
        boolean any = false;
        for (String raw : lines) {
            String line = raw.stripTrailing();
            if (line.isEmpty()) {
                continue;
            }
            any = true;
            char id = line.charAt(0);
            String v = line.substring(1);
            if (FIELDS.indexOf(id) < 0) {
                c.unparsed(line);
                continue;
            }
            switch (id) {
                case 'p' -> {
                    OptionalLong p = Numbers.parseCount(v);
                    if (p.isEmpty()) {
                        c.unparsed(line);
                        pid = -1;
                        continue;
                    }
                    pid = p.getAsLong();
                    command = "";
                    uid = "";
                    login = "";
                    type = "";
                }
                case 'c' -> {
                    if (pid < 0) {
                        c.unparsed(line); // a process field outside a process set
                        continue;
                    }
                    command = v;
                }
                case 'u' -> {
                    if (Numbers.parseCount(v).isEmpty()) {
                        c.unparsed(line);
                        continue;
                    }
                    uid = v;
                }
                case 'L' -> {
                    if (pid < 0 || v.indexOf(' ') >= 0) {
                        c.unparsed(line);
                        continue;
                    }
                    login = v;
                }
                case 'f', 't' -> {
                    if (v.isEmpty() || v.indexOf(' ') >= 0) {
                        c.unparsed(line);
                        continue;
                    }
                    type = id == 't' ? v : "";
                }
                default -> { // 'n', the address
                    SocketOwner o = pid < 0 ? null : socket(v, type, ProcessOwner.of(pid, command,
                            !login.isEmpty() ? login : uid));
                    if (o == null) {
                        c.unparsed(line);
                        continue;
                    }
                    owners.add(o);
                }
            }
            c.understood();
        }
        if (!any) {
            c.understood();
            c.note("lsof lists no listening socket of a process this user may see");
        }
        return c.result(Reading.builder().owners(new OwnerListing(owners, UNNAMED)).build());
    }

    /** {@code host:port}, an IPv6 host in brackets; null when it is not one. */
    private static SocketOwner socket(String name, String type, ProcessOwner owner) {
        if (owner.user().isEmpty()) {
            owner = ProcessOwner.withUnreadableUser(owner.pid().getAsLong(), owner.name(), "lsof printed no user");
        }
        int colon = name.lastIndexOf(':');
        if (colon <= 0 || name.contains("->")) {
            return null;
        }
        OptionalLong port = Numbers.parseCount(name.substring(colon + 1));
        if (port.isEmpty() || !Numbers.isPort(port.getAsLong())) {
            return null;
        }
        String host = name.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String proto = type.equals("IPv4") ? "tcp4" : type.equals("IPv6") ? "tcp6" : "tcp";
        return new SocketOwner(proto, host, (int) port.getAsLong(), owner);
    }
}
