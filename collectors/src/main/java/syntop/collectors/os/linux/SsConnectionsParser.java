package syntop.collectors.os.linux;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import syntop.collectors.model.AddressCount;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.Reading;
import syntop.collectors.model.StateCounts;
import syntop.collectors.model.TcpState;
import syntop.collectors.parse.Numbers;
import syntop.collectors.parse.Parsed;

/**
 * {@code ss -Htan state listening state syn-recv state fin-wait-1 …}: the listeners and only the
 * sockets in the states an attack or a misbehaving peer piles up, filtered in the kernel, so the
 * cost stays small with 100k ESTABLISHED or TIME_WAIT sockets, in one fork a tick. Gives the
 * listeners with their queues (on a LISTEN row Recv-Q is the accept queue, Send-Q the limit), counts
 * of those states (the others are left out, not zero: {@link LinuxPlatform} completes them from
 * O(1) counters), SYN_RECV per local port, and the remote addresses per state. With several states
 * ss prints a State column; rows without one are not read.
 */
public final class SsConnectionsParser {
    private SsConnectionsParser() {
    }

    public static Parsed<Reading> parse(List<String> lines) {
        Parsed.Collector c = new Parsed.Collector();
        StateCounts.Tally tally = new StateCounts.Tally();
        Map<Integer, Long> synByPort = new HashMap<>();
        Map<TcpState, Map<String, long[]>> remotes = new EnumMap<>(TcpState.class);
        List<ListenQueue> listeners = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = Numbers.fields(line);
            if (SsListenParser.isHeader(f)) {
                c.understood();
                continue;
            }
            int i = f[0].equals("tcp") ? 1 : 0;
            Optional<TcpState> state = f.length >= i + 5 ? TcpState.parse(f[i]) : Optional.empty();
            if (state.isPresent() && state.get() == TcpState.LISTEN) {
                Optional<ListenQueue> q = SsListenParser.listener(f[i + 1], f[i + 2], f[i + 3]);
                if (q.isEmpty()) {
                    c.unparsed(line);
                    continue;
                }
                c.understood();
                tally.add(TcpState.LISTEN);
                listeners.add(q.get());
                continue;
            }
            Optional<Endpoint> local = state.isPresent() ? Endpoint.parse(f[i + 3]) : Optional.empty();
            Optional<Endpoint> peer = state.isPresent() ? Endpoint.parse(f[i + 4]) : Optional.empty();
            if (state.isEmpty() || local.isEmpty() || peer.isEmpty()) {
                c.unparsed(line);
                continue;
            }
            c.understood();
            tally.add(state.get());
            if (state.get() == TcpState.SYN_RCVD) {
                synByPort.merge(local.get().port(), 1L, Long::sum);
            }
            if (state.get().isPileUpState()) {
                remotes.computeIfAbsent(state.get(), k -> new HashMap<>())
                        .computeIfAbsent(peer.get().address(), k -> new long[1])[0]++;
            }
        }
        if (lines.stream().allMatch(String::isBlank)) {
            c.understood(); // -H prints nothing when no socket is in these states: that is an answer
        }
        Reading.Builder r = Reading.builder().synRecvByPort(synByPort);
        listeners.forEach(r::listener);
        if (c.understoodCount() > 0 && (!c.anyUnparsed() || tally.total() > 0)) {
            r.states(tally.toCounts());
        }
        remotes.forEach((state, byAddress) -> r.remotes(state, AddressCount.top(byAddress)));
        return c.result(r.build());
    }


    /** An ss address:port: {@code 10.0.0.1:80}, {@code [2001:db8::1]:80}, {@code [::ffff:10.0.0.1]:80}, {@code *:80}. */
    record Endpoint(String address, int port) {
        static Optional<Endpoint> parse(String s) {
            int colon = s.lastIndexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            var port = Numbers.parseCount(s.substring(colon + 1));
            if (port.isEmpty() || !Numbers.isPort(port.getAsLong())) {
                return Optional.empty();
            }
            String a = bare(s.substring(0, colon));
            if (a.startsWith("::ffff:") && a.indexOf('.') > 0) {
                a = a.substring("::ffff:".length()); // an IPv4 peer on a dual-stack socket: block it as IPv4
            }
            return Optional.of(new Endpoint(a, (int) port.getAsLong()));
        }

        /** The address without the brackets of an IPv6 one or an interface scope ({@code 127.0.0.53%lo}). */
        static String bare(String address) {
            String a = address;
            if (a.startsWith("[") && a.endsWith("]")) {
                a = a.substring(1, a.length() - 1);
            }
            int pct = a.indexOf('%');
            return pct > 0 ? a.substring(0, pct) : a;
        }
    }
}
