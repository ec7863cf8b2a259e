package syntop.collectors.os.bsd;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import syntop.collectors.model.AddressCount;
import syntop.collectors.model.Reading;
import syntop.collectors.model.StateCounts;
import syntop.collectors.model.TcpState;
import syntop.collectors.parse.Numbers;
import syntop.collectors.parse.Parsed;

/**
 * {@code netstat -an -p tcp} on FreeBSD and macOS (and the {@code -A}, {@code -P}, {@code -v} variants,
 * and listings without {@code -p tcp} whose UDP, UNIX-domain and kernel-socket sections follow): counts
 * connections per state, half-open connections per local port, and for the states that pile up the
 * remote addresses holding most of them.
 *
 * <p>Rows are split on blanks, never by column: the protocol is the first of the first three fields
 * that looks like one ({@code -A} puts socket addresses before it), then come Recv-Q, Send-Q, the local
 * and the foreign address, and the state. The remote address is the foreign address without its
 * {@code .port}. Without {@code -W} (FreeBSD) or {@code -l} (macOS) long IPv6 addresses are cut to the
 * column, so such a remote is a prefix; a note says how many.
 */
public final class NetstatConnectionsParser {

    private NetstatConnectionsParser() {
    }

    public static Parsed<Reading> parse(List<String> lines) {
        Parsed.Collector c = new Parsed.Collector();
        StateCounts.Tally tally = new StateCounts.Tally();
        Map<Integer, Long> synByPort = new HashMap<>();
        Map<TcpState, Map<String, long[]>> remotes = new EnumMap<>(TcpState.class);
        boolean inet = true;
        boolean changedNoted = false;
        int cutV6 = 0;
        int synNamedPort = 0;
        int tcpRows = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("Active ") || line.startsWith("Registered ")) {
                inet = line.startsWith("Active Internet");
                c.understood();
                continue;
            }
            String[] f = Numbers.fields(line);
            if (!inet) {
                c.understood(); // UNIX-domain, kernel event/control sockets: not TCP
                continue;
            }
            if (f[0].equals("Proto") || f[0].equals("Tcpcb") || f[0].equals("Socket")) {
                c.understood();
                continue;
            }
            if (f[0].equals("Some") && BsdAddress.isListChangedLine(line.strip())) {
                c.understood();
                if (!changedNoted) {
                    c.note("the socket list changed while netstat read it (\"" + line.strip() + "\")");
                    changedNoted = true;
                }
                continue;
            }
            int p = -1;
            for (int i = 0; i < Math.min(3, f.length - 2); i++) {
                // a protocol column is followed by Recv-Q and Send-Q, for TCP and UDP rows alike
                if (BsdAddress.isProtocolName(f[i]) && Numbers.parseCount(f[i + 1]).isPresent()
                        && Numbers.parseCount(f[i + 2]).isPresent()) {
                    p = i;
                    break;
                }
            }
            if (p < 0) {
                c.unparsed(line);
                continue;
            }
            if (!BsdAddress.isTcpProtocol(f[p])) {
                // udp4, udp46, icm4…: an inet protocol ends in its family; a word followed by two
                // numbers (sockstat's "root sshd 812 3") is not a netstat row
                if (f[p].endsWith("4") || f[p].endsWith("6")) {
                    c.understood();
                } else {
                    c.unparsed(line);
                }
                continue;
            }
            if (f.length < p + 6) {
                c.unparsed(line);
                continue;
            }
            BsdAddress local = BsdAddress.parse(f[p + 3]).orElse(null);
            BsdAddress foreign = BsdAddress.parse(f[p + 4]).orElse(null);
            TcpState state = TcpState.parse(f[p + 5]).orElse(null);
            if (local == null || foreign == null || state == null) {
                c.unparsed(line);
                continue;
            }
            c.understood();
            tcpRows++;
            tally.add(state);
            if (local.maybeCutIpv6() || foreign.maybeCutIpv6()) {
                cutV6++;
            }
            if (state == TcpState.SYN_RCVD) {
                if (local.port().isPresent()) {
                    synByPort.merge(local.port().getAsInt(), 1L, Long::sum);
                } else {
                    synNamedPort++;
                }
            }
            if (state.isPileUpState() && !foreign.isWildcardHost()) {
                remotes.computeIfAbsent(state, k -> new HashMap<>()).computeIfAbsent(foreign.host(), k -> new long[1])[0]++;
            }
        }
        if (cutV6 > 0) {
            c.note("connections with IPv6 addresses as wide as netstat's column, maybe cut (their remote "
                    + "addresses are then prefixes): " + cutV6);
        }
        if (synNamedPort > 0) {
            c.note("SYN_RCVD rows without a port number (service names need netstat -n): " + synNamedPort);
        }
        // states are counted when TCP rows were read, or when the table was read whole and is empty
        Reading.Builder r = Reading.builder().synRecvByPort(synByPort);
        if (tcpRows > 0 || (c.understoodCount() > 0 && !c.anyUnparsed())) {
            r.states(tally.toCounts());
        }
        remotes.forEach((state, byAddress) -> r.remotes(state, AddressCount.top(byAddress)));
        return c.result(r.build());
    }

}
