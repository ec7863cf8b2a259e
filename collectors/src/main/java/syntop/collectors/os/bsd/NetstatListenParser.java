package syntop.collectors.os.bsd;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Numbers;
import syntop.collectors.parse.Parsed;

/**
 * {@code netstat -Lan} (FreeBSD) and {@code netstat -aLn} (macOS): one row per listening socket with
 * {@code qlen/incqlen/maxqlen}. FreeBSD has a Proto column ({@code tcp4  193/0/128  *.58001}), 14 wide
 * before FreeBSD 11 and 32 wide after; macOS has none ({@code 0/0/128        *.22}) and its protocol is
 * given as {@code tcp}. Rows are split on blanks, never by column, because header and rows are not
 * aligned on every version. Rows of other protocols (unix, udp, sctp), the trailing tables of newer
 * macOS (routing, pfkey sockets) and FreeBSD's "Some tcp sockets may have been deleted." are read
 * and skipped, but only once the listen queue table has been seen: a listing without one (the
 * output of {@code netstat -an}) is another command's, and its lines are not understood. Rows
 * filtered by grep (no header) are read too.
 */
public final class NetstatListenParser {
    private enum Section { LISTEN, OTHER }

    private NetstatListenParser() {
    }

    public static Parsed<Reading> parse(List<String> lines) {
        Parsed.Collector c = new Parsed.Collector();
        Reading.Builder r = Reading.builder();
        Section section = Section.LISTEN; // grep-filtered rows come without a header
        boolean changedNoted = false;
        int cutRows = 0;
        int namedPorts = 0;
        boolean queuesSeen = false;
        List<String> otherTables = new ArrayList<>(); // skipped lines, understood once the queue table is seen
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String t = line.strip();
            if (t.startsWith("Current listen queue sizes")) {
                // "(qlen/incqlen/maxqlen)" is TCP's; SCTP's block says "(qlen/maxqlen)"
                section = t.contains("incqlen") ? Section.LISTEN : Section.OTHER;
                queuesSeen |= section == Section.LISTEN;
                c.understood();
                continue;
            }
            if (t.startsWith("Active ") || t.startsWith("Registered ")) {
                section = Section.OTHER;
                otherTables.add(line);
                continue;
            }
            if (BsdAddress.isListChangedLine(t)) {
                c.understood();
                if (!changedNoted) {
                    c.note("the socket list changed while netstat read it (\"" + t + "\")");
                    changedNoted = true;
                }
                continue;
            }
            String[] f = Numbers.fields(t);
            if (f[0].equals("Proto") || f[0].equals("Listen") || f[0].equals("Tcpcb") || f[0].equals("Socket")) {
                c.understood();
                continue;
            }
            if (section == Section.OTHER) {
                otherTables.add(line);
                continue;
            }
            int q = -1;
            long[] queue = null;
            for (int i = 0; i < Math.min(f.length, 4) && q < 0; i++) {
                queue = queue(f[i]);
                if (queue != null) {
                    q = i;
                }
            }
            if (q < 0) {
                c.unparsed(line);
                continue;
            }
            queuesSeen = true;
            String proto = q > 0 && BsdAddress.isProtocolName(f[q - 1]) ? f[q - 1] : "tcp";
            if (!BsdAddress.isTcpProtocol(proto)) {
                c.understood(); // unix, udp, sctp… sockets: not ours
                continue;
            }
            if (q + 1 >= f.length) {
                c.unparsed(line);
                cutRows++;
                continue;
            }
            BsdAddress a = BsdAddress.parse(f[q + 1]).orElse(null);
            if (a == null) {
                c.unparsed(line);
                continue;
            }
            if (a.port().isEmpty()) {
                c.unparsed(line);
                namedPorts++;
                continue;
            }
            r.listener(new ListenQueue(proto, a.host(), a.port().getAsInt(), queue[0], OptionalLong.of(queue[1]),
                    OptionalLong.of(queue[2])));
            c.understood();
        }
        if (queuesSeen) {
            c.understood(otherTables.size());
        } else {
            otherTables.forEach(c::unparsed);
        }
        if (cutRows > 0) {
            c.note("queue rows without a local address (output cut?): " + cutRows);
        }
        if (namedPorts > 0) {
            c.note("rows without a port number (service names need netstat -n): " + namedPorts);
        }
        return c.result(r.build());
    }

    /** {@code qlen/incqlen/maxqlen}, or null. */
    private static long[] queue(String s) {
        int a = s.indexOf('/');
        int b = a < 0 ? -1 : s.indexOf('/', a + 1);
        if (a <= 0 || b < 0 || s.indexOf('/', b + 1) >= 0) {
            return null;
        }
        OptionalLong x = Numbers.parseCount(s.substring(0, a));
        OptionalLong y = Numbers.parseCount(s.substring(a + 1, b));
        OptionalLong z = Numbers.parseCount(s.substring(b + 1));
        if (x.isEmpty() || y.isEmpty() || z.isEmpty()) {
            return null;
        }
        return new long[] {x.getAsLong(), y.getAsLong(), z.getAsLong()};
    }
}
