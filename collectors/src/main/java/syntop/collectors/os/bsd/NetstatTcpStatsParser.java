package syntop.collectors.os.bsd;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.Reading;
import syntop.collectors.model.StateCounts;
import syntop.collectors.model.TcpState;
import syntop.collectors.parse.Numbers;
import syntop.collectors.parse.Parsed;

/**
 * {@code netstat -s -p tcp} on FreeBSD and macOS: a {@code tcp:} line, then one counter per line,
 * number first, indented by one to three tabs (or, pasted, by blanks: nesting is read from relative
 * indentation, see {@link Nesting}); some lines carry a second number in parentheses
 * ({@code N data packets (M bytes)}, {@code N connections closed (including M drops)}). FreeBSD 11+
 * ends with a {@code TCP connection count by state:} section.
 *
 * <p>Every counter is kept under a raw name: {@code netstat-s.} + the label without its numbers, with
 * plural suffixes removed and blanks collapsed ({@code 0 packet sent} on macOS and {@code 0 packets sent}
 * on FreeBSD both give {@code netstat-s.packet sent}). A sub-line is named after the lines it sits under,
 * joined by {@code ": "} ({@code netstat-s.packet sent: window update packet} is not
 * {@code netstat-s.packet received: window update packet}), and a second number gets the words of its
 * parentheses ({@code netstat-s.connection closed (including drop)}). A label repeated under the same
 * line (macOS prints one text twice) gets {@code " #2"}. The counters syntop reasons about are also
 * mapped to {@link CounterId}s.
 */
public final class NetstatTcpStatsParser {
    /** Prefix of every raw counter name this parser produces. */
    public static final String PREFIX = "netstat-s.";

    /** Why zeroed statistics on macOS mean "run as root", in the words shown to the operator. */
    public static final String NEEDS_ROOT = "netstat -s: all TCP statistics are zero; macOS hides them from non-root "
            + "users (net.inet.tcp.disable_access_to_stats)";

    /** Fewer zero lines than this are not enough to call a macOS output "hidden". */
    static final int MIN_LINES_FOR_HIDDEN = 10;

    private static final Map<String, CounterId> COMMON = Map.ofEntries(
            Map.entry("packet sent", CounterId.SEGMENTS_SENT),
            Map.entry("packet received", CounterId.SEGMENTS_RECEIVED),
            Map.entry("packet sent: data packet retransmitted", CounterId.SEGMENTS_RETRANSMITTED),
            Map.entry("connection request", CounterId.ACTIVE_OPENS),
            Map.entry("connection accept", CounterId.PASSIVE_OPENS),
            Map.entry("bad connection attempt", CounterId.ATTEMPT_FAILS),
            Map.entry("listen queue overflow", CounterId.LISTEN_OVERFLOWS),
            Map.entry("embryonic connection dropped", CounterId.EMBRYONIC_DROPPED));

    /** FreeBSD's syncache block ({@code tcp_stats()} in FreeBSD's {@code usr.bin/netstat/inet.c}). */
    private static final Map<String, CounterId> FREEBSD = Map.ofEntries(
            Map.entry("syncache entry added", CounterId.SYNCACHE_ADDED),
            Map.entry("syncache entry added: cache overflow", CounterId.SYNCACHE_OVERFLOWS),
            Map.entry("syncache entry added: bucket overflow", CounterId.SYNCACHE_BUCKET_OVERFLOWS),
            Map.entry("cookie sent", CounterId.SYNCOOKIES_SENT),
            Map.entry("cookie received", CounterId.SYNCOOKIES_RECEIVED));

    /**
     * macOS 14+ prints the cookie counters in its own words ({@code tcp_stats()} in Apple's
     * {@code network_cmds} 726, {@code netstat.tproj/inet.c}).
     */
    private static final Map<String, CounterId> MACOS = Map.ofEntries(
            Map.entry("SYN cookie sent", CounterId.SYNCOOKIES_SENT),
            Map.entry("SYN cookie received", CounterId.SYNCOOKIES_RECEIVED));

    /**
     * Words that netstat prints with a plural suffix depending on the number (singular forms, lower case).
     * Taken from the {@code plural()} calls of {@code tcp_stats()} in FreeBSD's {@code usr.bin/netstat/inet.c}
     * and Apple's {@code network_cmds/netstat.tproj/inet.c}.
     */
    private static final Set<String> COUNTED_WORDS = Set.of(
            "packet", "byte", "resend", "ack", "pkt", "error", "probe", "checksum", "field", "request", "accept",
            "attempt", "overflow", "window", "connection", "time", "drop", "segment", "timeout", "prediction",
            "cookie", "failure", "episode", "rexmit", "option", "retransmission", "handshake", "activation", "reset",
            "syn", "drift", "transmit", "retransmit", "collision", "socket");

    /** Protocol section headings of a full {@code netstat -s} (lower case, as BSD prints them). */
    private static final Set<String> OTHER_PROTOCOLS = Set.of(
            "ip", "icmp", "igmp", "udp", "sctp", "carp", "pfsync", "arp", "ip6", "icmp6", "rip6", "pim", "pim6",
            "divert", "ipsec", "ah", "esp", "ipcomp", "ipip", "mptcp", "kevt", "kctl");

    private enum Section { NONE, TCP, STATES, OTHER, UNKNOWN }

    private NetstatTcpStatsParser() {
    }

    public static Parsed<Reading> parse(List<String> lines, Dialect dialect) {
        Parsed.Collector c = new Parsed.Collector();
        Reading.Builder r = Reading.builder();
        Map<String, CounterId> ids = new HashMap<>(COMMON);
        ids.putAll(dialect == Dialect.FREEBSD ? FREEBSD : MACOS);
        Map<TcpState, Long> states = new EnumMap<>(TcpState.class);
        Map<String, Integer> seen = new HashMap<>();
        String[] parents = new String[4];
        Nesting nesting = new Nesting();
        Section section = Section.NONE;
        int values = 0;
        boolean allZero = true;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int lead = 0;
            while (lead < line.length() && (line.charAt(lead) == '\t' || line.charAt(lead) == ' ')) {
                lead++;
            }
            String body = line.substring(lead).stripTrailing();
            if (lead == 0 && body.endsWith(":") && !Character.isDigit(body.charAt(0))) {
                nesting.clear();
                String heading = body.substring(0, body.length() - 1);
                if (heading.equals("tcp")) {
                    section = Section.TCP;
                } else if (heading.equals("TCP connection count by state")) {
                    section = Section.STATES;
                } else if (OTHER_PROTOCOLS.contains(heading)) {
                    section = Section.OTHER;
                } else {
                    section = Section.UNKNOWN;
                    c.unparsed(line);
                    continue;
                }
                c.understood();
                continue;
            }
            switch (section) {
                case OTHER:
                    c.understood(); // another protocol of a full "netstat -s": not ours
                    continue;
                case UNKNOWN:
                    c.unparsed(line);
                    continue;
                case STATES:
                    if (stateLine(body, states)) {
                        c.understood();
                    } else {
                        c.unparsed(line);
                    }
                    continue;
                default:
                    break;
            }
            Counter k = counter(body);
            if (k == null) {
                c.unparsed(line);
                continue;
            }
            int depth = Math.min(parents.length - 1, nesting.depth(line, lead));
            parents[depth] = k.base;
            for (int d = depth + 1; d < parents.length; d++) {
                parents[d] = null;
            }
            StringBuilder qualified = new StringBuilder();
            for (int d = 1; d < depth; d++) {
                if (parents[d] != null) {
                    qualified.append(parents[d]).append(": ");
                }
            }
            String name = qualified + k.base;
            int n = seen.merge(name, 1, Integer::sum);
            if (n > 1) {
                name = name + " #" + n; // same text twice under one line: keyed by position
            }
            r.raw(PREFIX + name, k.first);
            CounterId id = ids.get(name);
            if (id != null) {
                r.counter(id, k.first);
            }
            values++;
            allZero &= k.first == 0;
            if (k.secondName != null) {
                r.raw(PREFIX + name + " " + k.secondName, k.second);
                values++;
                allZero &= k.second == 0;
            }
            c.understood();
        }
        if (!states.isEmpty()) {
            r.states(StateCounts.of(states));
        }
        if (nesting.orphans() > 0) {
            c.note(nesting.orphans() + " indented lines came before any top-level line; they are named without it");
        }
        if (dialect == Dialect.MACOS && values >= MIN_LINES_FOR_HIDDEN && allZero) {
            c.needsRoot(NEEDS_ROOT);
        }
        return c.result(r.build());
    }

    /**
     * How deep a counter line sits, judged by its indentation relative to the lines above it in the
     * section, not by a count of tabs: netstat indents with one to three tabs, and a pasted copy has
     * them as 8, 4 or 2 blanks each. A line indented more than the one above is one level deeper; a
     * line indented less goes back to the level it matches (or the nearest shallower one).
     */
    private static final class Nesting {
        private final List<Integer> indents = new ArrayList<>();
        private int lines;
        private int orphans;

        void clear() {
            indents.clear();
            lines = 0;
        }

        /** The depth, 1 for the outermost lines, of a line whose first {@code lead} characters are blanks. */
        int depth(String line, int lead) {
            int width = width(line, lead);
            while (!indents.isEmpty() && indents.get(indents.size() - 1) > width) {
                indents.remove(indents.size() - 1);
                if (indents.isEmpty()) {
                    // shallower than every line so far: they all sat under a line that is not in the text
                    orphans += lines;
                    lines = 0;
                }
            }
            if (indents.isEmpty() || indents.get(indents.size() - 1) < width) {
                indents.add(width);
            }
            lines++;
            return indents.size();
        }

        /** Lines that came before the outermost level of their section (a slice that starts mid-block). */
        int orphans() {
            return orphans;
        }

        /** The column the text starts at, a tab reaching the next multiple of 8 as on a terminal. */
        private static int width(String line, int lead) {
            int column = 0;
            for (int i = 0; i < lead; i++) {
                column = line.charAt(i) == '\t' ? (column / 8 + 1) * 8 : column + 1;
            }
            return column;
        }
    }

    /** {@code 1 connection  in LISTEN state} / {@code 0 connections in CLOSED state}. */
    private static boolean stateLine(String body, Map<TcpState, Long> states) {
        String[] f = Numbers.fields(body);
        if (f.length != 5 || !f[2].equals("in") || !f[4].equals("state")
                || !(f[1].equals("connection") || f[1].equals("connections"))) {
            return false;
        }
        OptionalLong n = Numbers.parseCount(f[0]);
        TcpState s = TcpState.parse(f[3]).orElse(null);
        if (n.isEmpty() || s == null) {
            return false;
        }
        states.merge(s, n.getAsLong(), Long::sum);
        return true;
    }

    /** One counter line: the first number, the normalised label, and an optional second number. */
    private record Counter(long first, String base, long second, String secondName) {
    }

    private static Counter counter(String body) {
        int i = 0;
        while (i < body.length() && Character.isDigit(body.charAt(i))) {
            i++;
        }
        if (i == 0 || i >= body.length() - 1 || body.charAt(i) != ' ') {
            return null;
        }
        OptionalLong first = Numbers.parseLong(body.substring(0, i));
        String label = body.substring(i + 1);
        if (first.isEmpty() || label.chars().noneMatch(Character::isLetter)) {
            return null;
        }
        // a second number sits in parentheses after optional words: "(N bytes)", "(for N bytes)", "(of N attempts)"
        int from = 0;
        while (true) {
            int open = label.indexOf('(', from);
            if (open < 0) {
                return new Counter(first.getAsLong(), normalise(label), 0, null);
            }
            int close = label.indexOf(')', open);
            if (close < 0) {
                return new Counter(first.getAsLong(), normalise(label), 0, null);
            }
            String[] inside = label.substring(open + 1, close).split(" ");
            int num = -1;
            for (int w = 0; w < inside.length; w++) {
                if (!inside[w].isEmpty() && inside[w].chars().allMatch(Character::isDigit)) {
                    num = w;
                    break;
                }
                if (!inside[w].chars().allMatch(Character::isLetter)) {
                    break;
                }
            }
            if (num >= 0 && num < inside.length - 1) {
                OptionalLong second = Numbers.parseLong(inside[num]);
                if (second.isEmpty()) {
                    return null;
                }
                List<String> words = new ArrayList<>();
                for (int w = 0; w < inside.length; w++) {
                    if (w != num && !inside[w].isEmpty()) {
                        words.add(inside[w]);
                    }
                }
                String base = normalise(label.substring(0, open) + " " + label.substring(close + 1));
                return new Counter(first.getAsLong(), base, second.getAsLong(), "(" + normalise(String.join(" ", words)) + ")");
            }
            from = close + 1;
        }
    }

    /** Collapses blanks and removes the plural suffixes netstat adds by number. */
    static String normalise(String label) {
        String[] words = label.strip().split("\\s+");
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(singular(w));
        }
        return sb.toString();
    }

    private static String singular(String word) {
        int start = 0;
        while (start < word.length() && !Character.isLetter(word.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < word.length() && Character.isLetter(word.charAt(end))) {
            end++;
        }
        String core = word.substring(start, end);
        String lower = core.toLowerCase(Locale.ROOT);
        String stem = core;
        if (lower.equals("entries")) {
            stem = core.substring(0, core.length() - 3) + (Character.isUpperCase(core.charAt(core.length() - 1)) ? "Y" : "y");
        } else if (lower.endsWith("ss") && COUNTED_WORDS.contains(lower.substring(0, lower.length() - 2))) {
            stem = core.substring(0, core.length() - 2); // macOS "retransmissionss"
        } else if (lower.endsWith("s") && COUNTED_WORDS.contains(lower.substring(0, lower.length() - 1))) {
            stem = core.substring(0, core.length() - 1);
        }
        return word.substring(0, start) + stem + word.substring(end);
    }
}
