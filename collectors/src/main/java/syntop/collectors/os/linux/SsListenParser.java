package syntop.collectors.os.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.ProcessOwner;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Numbers;
import syntop.collectors.parse.Parsed;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.SourceText;

/**
 * {@code ss -ltn} (and the listening rows of any {@code ss} listing): on a LISTEN row Recv-Q is the
 * accept queue now and Send-Q the backlog limit. Old ss has no Netid column, newer ss glues the
 * header and adds process columns; rows of other protocols are skipped. With {@code -p} (what syntop
 * runs) a row ends in {@code users:(("nginx",pid=812,fd=6),...)}: the first process holding the
 * socket is its owner; a row without it names no process this user may read (ss(8)). When no row
 * names one, nothing is said of owners: that is also what ss prints without {@code -p}. Given the
 * status files of the processes it names and the passwd file ({@link ProcessUsers}), each owner
 * also carries its user.
 */
public final class SsListenParser {
    private static final Set<String> NETIDS = Set.of("tcp", "udp", "raw", "u_str", "u_dgr", "u_seq", "nl", "p_raw",
            "p_dgr", "sctp", "mptcp", "dccp", "tipc", "v_str", "v_dgr", "xdp", "u_seqpacket");

    /** The first process in ss's users field, {@code ("name",pid=N,fd=F)}: its name (comm) and pid. */
    private static final Pattern USER = Pattern.compile("users:\\(\\(\"(.*?)\",pid=(\\d+)");

    private SsListenParser() {
    }

    public static Parsed<Reading> parse(List<String> lines) {
        return parse(lines, false);
    }

    /**
     * {@code ss -ltnp}: the same, each listener with its owning process. ss prints the Process header
     * with or without {@code -p}, so only the caller knows that a row without users names none.
     */
    public static Parsed<Reading> parseWithOwners(List<String> lines) {
        return parse(lines, true);
    }

    /**
     * {@code ss -ltnp} with the {@code /proc/PID/status} of the processes it names and
     * {@code /etc/passwd} read after it (see {@link LinuxPlatform}): each owner with its user.
     */
    public static Parsed<Reading> parseWithOwners(SourceText text) {
        List<RawPart> listing = text.parts().stream().filter(p -> !ProcessUsers.isUserPart(p)).toList();
        Parsed<Reading> parsed = parse(new SourceText(listing).lines(), true);
        ProcessUsers users = ProcessUsers.of(text.parts());
        Reading r = parsed.value();
        Reading.Builder b = Reading.builder();
        for (ListenQueue q : r.listeners()) {
            b.listener(q.process().isPresent() ? q.withProcess(users.withUser(q.process().get())) : q);
        }
        return parsed.map(x -> b.build());
    }

    private static Parsed<Reading> parse(List<String> lines, boolean owners) {
        Parsed.Collector c = new Parsed.Collector();
        Reading.Builder r = Reading.builder();
        boolean serviceNames = false;
        boolean named = false;
        List<ListenQueue> listeners = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = Numbers.fields(line);
            if (isHeader(f)) {
                c.understood();
                continue;
            }
            int i = 0;
            String netid = "tcp";
            if (NETIDS.contains(f[0])) {
                netid = f[0];
                i = 1;
            }
            if (f.length < i + 4) {
                c.unparsed(line);
                continue;
            }
            if (!netid.equals("tcp")) {
                c.understood();
                continue;
            }
            String state = f[i];
            OptionalLong recvQ = Numbers.parseCount(f[i + 1]);
            OptionalLong sendQ = Numbers.parseCount(f[i + 2]);
            int colon = f[i + 3].lastIndexOf(':');
            OptionalLong port = colon < 0 ? OptionalLong.empty() : Numbers.parseCount(f[i + 3].substring(colon + 1));
            if (recvQ.isEmpty() || sendQ.isEmpty() || port.isEmpty() || !Numbers.isPort(port.getAsLong())) {
                c.unparsed(line);
                if (port.isEmpty() && colon >= 0 && f[i + 3].substring(colon + 1).matches("[A-Za-z][\\w-]*")) {
                    serviceNames = true;
                }
                continue;
            }
            c.understood();
            if (!state.equals("LISTEN")) {
                continue;
            }
            listener(f[i + 1], f[i + 2], f[i + 3]).ifPresent(q -> listeners.add(owners ? q.withProcess(owner(line)) : q));
            named |= line.contains("users:((");
        }
        // no row names a process: the output of ss without -p (an older recording), or one run by a
        // user who may read none; neither says who owns what
        boolean anyNamed = named;
        for (ListenQueue q : listeners) {
            r.listener(anyNamed ? q : new ListenQueue(q.protocol(), q.localAddress(), q.port(), q.acceptQueue(),
                    q.synQueue(), q.limit()));
        }
        if (serviceNames) {
            c.note("ports shown as service names; syntop reads ss -n output");
        }
        return c.result(r.build());
    }

    /** The first process of a row's {@code users:((...))} field, or that none is readable. */
    static ProcessOwner owner(String line) {
        Matcher m = USER.matcher(line);
        if (!m.find()) {
            return ProcessOwner.notVisible();
        }
        OptionalLong pid = Numbers.parseCount(m.group(2));
        return pid.isPresent() ? ProcessOwner.of(pid.getAsLong(), m.group(1)) : ProcessOwner.notVisible();
    }

    /** ss's header row (ss without {@code -H}): {@code State Recv-Q ...} or {@code Netid State ...}. */
    static boolean isHeader(String[] fields) {
        return fields[0].equals("State") || fields[0].equals("Netid");
    }

    /**
     * A LISTEN row's queues: Recv-Q is the accept queue now, Send-Q the limit, the local
     * {@code address:port} without brackets or interface scope. Empty when a field is not a number.
     */
    static Optional<ListenQueue> listener(String recvQText, String sendQText, String local) {
        OptionalLong recvQ = Numbers.parseCount(recvQText);
        OptionalLong sendQ = Numbers.parseCount(sendQText);
        int colon = local.lastIndexOf(':');
        OptionalLong port = colon < 0 ? OptionalLong.empty() : Numbers.parseCount(local.substring(colon + 1));
        if (recvQ.isEmpty() || sendQ.isEmpty() || port.isEmpty() || !Numbers.isPort(port.getAsLong())) {
            return Optional.empty();
        }
        String address = SsConnectionsParser.Endpoint.bare(local.substring(0, colon));
        String proto = address.indexOf(':') >= 0 ? "tcp6" : address.equals("*") ? "tcp46" : "tcp4";
        return Optional.of(new ListenQueue(proto, address, (int) port.getAsLong(), recvQ.getAsLong(),
                OptionalLong.empty(), OptionalLong.of(sendQ.getAsLong())));
    }
}
