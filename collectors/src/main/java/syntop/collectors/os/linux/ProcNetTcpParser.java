package syntop.collectors.os.linux;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import syntop.collectors.model.AddressCount;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.Reading;
import syntop.collectors.model.StateCounts;
import syntop.collectors.model.TcpState;
import syntop.collectors.parse.Numbers;
import syntop.collectors.parse.Parsed;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.SourceText;

/**
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6}: one row per socket. Counts sockets per state,
 * half-open (SYN_RECV) sockets per local port, remote addresses of pile-up states, and the
 * listeners with their accept queue (the limit is not in this file; {@code ss -ltn} has it).
 * Walks bytes rather than building a string per row, because a flood means hundreds of thousands of rows.
 */
public final class ProcNetTcpParser {
    private ProcNetTcpParser() {
    }

    public static Parsed<Reading> parse(SourceText text) {
        Parsed.Collector c = new Parsed.Collector();
        StateCounts.Tally tally = new StateCounts.Tally();
        Map<Integer, Long> synByPort = new HashMap<>();
        Map<TcpState, Map<String, long[]>> remotes = new EnumMap<>(TcpState.class);
        List<ListenQueue> listeners = new ArrayList<>();
        int[] f = new int[12];
        for (RawPart part : text.parts()) {
            byte[] b = part.data();
            int pos = 0;
            while (pos < b.length) {
                int end = pos;
                while (end < b.length && b[end] != '\n') {
                    end++;
                }
                parseRow(b, pos, end, f, c, tally, synByPort, remotes, listeners);
                pos = end + 1;
            }
        }
        // a listening port with no half-open connection has a SYN queue of 0, not an unknown one
        listeners.forEach(q -> synByPort.putIfAbsent(q.port(), 0L));
        // states are counted when rows were read, or when the table was read whole and is empty
        Reading.Builder r = Reading.builder().synRecvByPort(synByPort);
        if (c.understoodCount() > 0 && (!c.anyUnparsed() || tally.total() > 0)) {
            r.states(tally.toCounts());
        }
        listeners.forEach(r::listener);
        remotes.forEach((state, byAddr) -> r.remotes(state, top(byAddr)));
        return c.result(r.build());
    }

    private static void parseRow(byte[] b, int start, int end, int[] f, Parsed.Collector c, StateCounts.Tally tally,
                                 Map<Integer, Long> synByPort, Map<TcpState, Map<String, long[]>> remotes,
                                 List<ListenQueue> listeners) {
        // field starts: sl, local, remote, st, tx:rx
        int n = 0;
        int i = start;
        while (i < end && n < 5) {
            while (i < end && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            if (i >= end) {
                break;
            }
            f[n++] = i;
            while (i < end && b[i] != ' ' && b[i] != '\t') {
                i++;
            }
            f[n + 4] = i; // end of field n-1
        }
        if (n == 0) {
            return;
        }
        if (b[f[0]] == 's' && end - f[0] >= 2 && b[f[0] + 1] == 'l') {
            c.understood(); // header "  sl  local_address rem_address   st ...": an empty table is still a table
            return;
        }
        if (n < 5) {
            c.unparsed(ascii(b, start, end));
            return;
        }
        int localEnd = f[6];
        int remoteEnd = f[7];
        int stState = hex(b, f[3], f[8]);
        TcpState state = stState < 0 ? null : TcpState.fromLinuxCode(stState).orElse(null);
        int localColon = indexOf(b, f[1], localEnd, (byte) ':');
        int remoteColon = indexOf(b, f[2], remoteEnd, (byte) ':');
        if (state == null || !isHexAddress(b, f[1], localColon) || !isHexAddress(b, f[2], remoteColon)) {
            c.unparsed(ascii(b, start, end));
            return;
        }
        int localPort = hex(b, localColon + 1, localEnd);
        int remotePort = hex(b, remoteColon + 1, remoteEnd);
        if (!Numbers.isPort(localPort) || !Numbers.isPort(remotePort)) {
            c.unparsed(ascii(b, start, end) + " (port not a number from 0 to " + Numbers.MAX_PORT + ")");
            return;
        }
        int txrxColon = indexOf(b, f[4], f[9], (byte) ':');
        long rx = txrxColon < 0 ? -1 : hexLong(b, txrxColon + 1, f[9]);
        if (state == TcpState.LISTEN && rx < 0) {
            c.unparsed(ascii(b, start, end) + " (rx_queue not a hex count)");
            return;
        }
        c.understood();
        tally.add(state);
        if (state == TcpState.SYN_RCVD) {
            synByPort.merge(localPort, 1L, Long::sum);
        }
        if (state == TcpState.LISTEN) {
            String addr = HexAddress.decode(ascii(b, f[1], localColon)).orElse("?");
            String proto = localColon - f[1] > 8 ? "tcp6" : "tcp4";
            listeners.add(new ListenQueue(proto, addr, localPort, rx, OptionalLong.empty(), OptionalLong.empty()));
        } else if (state.isPileUpState()) {
            String key = ascii(b, f[2], remoteColon);
            remotes.computeIfAbsent(state, k -> new HashMap<>()).computeIfAbsent(key, k -> new long[1])[0]++;
        }
    }

    /**
     * Several hex forms can decode to one address (an IPv4 peer seen on tcp and, v4-mapped, on
     * tcp6): merge them, decoding each once and only as many as can be kept, then keep the top.
     */
    private static List<AddressCount> top(Map<String, long[]> byHex) {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(byHex.entrySet());
        entries.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
        Map<String, long[]> merged = new HashMap<>();
        for (Map.Entry<String, long[]> e : entries) {
            String address = HexAddress.decode(e.getKey()).orElse(e.getKey());
            if (merged.size() < AddressCount.KEPT_PER_STATE || merged.containsKey(address)) {
                merged.computeIfAbsent(address, k -> new long[1])[0] += e.getValue()[0];
            }
        }
        return AddressCount.top(merged);
    }

    /** 8 hex digits (IPv4) or 32 (IPv6) from {@code from} to the colon at {@code colon}. */
    private static boolean isHexAddress(byte[] b, int from, int colon) {
        int len = colon - from;
        if (colon < 0 || (len != 8 && len != 32)) {
            return false;
        }
        for (int i = from; i < colon; i++) {
            if (Character.digit(b[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int from, int to, byte x) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static int hex(byte[] b, int from, int to) {
        long v = hexLong(b, from, to);
        return v < 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    private static long hexLong(byte[] b, int from, int to) {
        if (from >= to || to - from > 15) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(b[i], 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, Math.min(to - from, 300), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
