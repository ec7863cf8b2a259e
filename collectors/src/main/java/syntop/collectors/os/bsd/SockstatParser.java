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
 * FreeBSD {@code sockstat -l -P tcp}: a header {@code USER COMMAND PID FD PROTO LOCAL ADDRESS FOREIGN
 * ADDRESS}, then one row per open file of a socket with no foreign port (listeners): the file's
 * user (a login name, or the uid where no passwd entry names it), the process name cut to 10
 * characters, its pid and descriptor, {@code tcp4}/{@code tcp6}/{@code tcp46}, {@code host:port}
 * ({@code *} for the wildcard) and {@code *:*} (usr.bin/sockstat/sockstat.c {@code display()} and
 * {@code displaysock()}). A socket no visible file holds is printed with {@code ?} for the first
 * four columns. Rows are split on blanks from the right, since a process name may hold one; before
 * FreeBSD 14 the pid was printed straight after a name that ends past column 20, with no blank
 * between them ({@code prometheus node_expor3301}), which is split as the name's 10 characters and
 * the pid. sockstat lists the files of the processes this user may see: a listener without a row
 * is said to be unnamed by it.
 */
public final class SockstatParser {
    /** What is said of a listener sockstat names no process for. */
    public static final String UNNAMED = "not named by sockstat (a process this user may not see, in another jail,"
            + " or none holds it)";

    private static final int COMMAND_WIDTH = 10;

    private SockstatParser() {
    }

    public static Parsed<Reading> parse(List<String> lines) {
        Parsed.Collector c = new Parsed.Collector();
        List<SocketOwner> owners = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = Numbers.fields(line);
            if (f[0].equals("USER") && line.contains("COMMAND")) {
                c.understood();
                continue;
            }
            if (f.length < 6) {
                c.unparsed(line);
                continue;
            }
            int n = f.length;
            String proto = f[n - 3];
            // PROTO is a protocol and its families (tcp4, udp46, sctp6…), the foreign address host:port
            if (!proto.matches("[a-z]{2,6}(4|6|46)") || f[n - 1].indexOf(':') < 0 || f[n - 2].indexOf(':') < 0) {
                c.unparsed(line);
                continue;
            }
            if (!BsdAddress.isTcpProtocol(proto)) {
                c.understood(); // -P tcp lists none, but a row of another protocol is not this parser's concern
                continue;
            }
            int colon = f[n - 2].lastIndexOf(':');
            OptionalLong port = colon <= 0 ? OptionalLong.empty() : Numbers.parseCount(f[n - 2].substring(colon + 1));
            if (port.isEmpty() || !Numbers.isPort(port.getAsLong())) {
                c.unparsed(line);
                continue;
            }
            String host = f[n - 2].substring(0, colon);
            if (f[0].equals("?") && n == 7 && f[1].equals("?") && f[2].equals("?") && f[3].equals("?")) {
                c.understood(); // no process this user may see holds it
                continue;
            }
            ProcessOwner owner = owner(f);
            if (owner == null) {
                c.unparsed(line);
                continue;
            }
            owners.add(new SocketOwner(proto, host, (int) port.getAsLong(), owner));
            c.understood();
        }
        return c.result(Reading.builder().owners(new OwnerListing(owners, UNNAMED)).build());
    }

    /** User, command and pid from the fields before FD, PROTO and the two addresses; null when they are not there. */
    private static ProcessOwner owner(String[] f) {
        int n = f.length;
        if (Numbers.parseCount(f[n - 4]).isEmpty()) {
            return null; // the descriptor
        }
        List<String> head = List.of(f).subList(0, n - 4); // user, the name's words, the pid
        if (head.size() < 2) {
            return null;
        }
        String last = head.get(head.size() - 1);
        String before = String.join(" ", head.subList(1, head.size() - 1));
        OptionalLong pid = head.size() >= 3 ? Numbers.parseCount(last) : OptionalLong.empty();
        String command = before;
        if (pid.isEmpty()) {
            // the name and the pid glued together: the name ends at its 10th character
            int cut = before.isEmpty() ? COMMAND_WIDTH : COMMAND_WIDTH - before.length() - 1;
            if (cut <= 0 || last.length() <= cut) {
                return null;
            }
            pid = Numbers.parseCount(last.substring(cut));
            command = (before.isEmpty() ? "" : before + " ") + last.substring(0, cut);
        }
        if (pid.isEmpty() || command.isEmpty()) {
            return null;
        }
        return ProcessOwner.of(pid.getAsLong(), command, head.get(0));
    }
}
