package syntop.collectors.os.linux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import syntop.collectors.model.KernelEvent;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.SourceText;

/**
 * The Linux kernel's log, as {@code /dev/kmsg} hands it out, turned into the TCP events it reports.
 *
 * <p>A record is {@code prio,seq,usec,flags[,…];text} followed by continuation lines that start with
 * a blank ({@code  SUBSYSTEM=…}); the text escapes unprintable bytes as {@code \xNN}
 * (Documentation/ABI/testing/dev-kmsg). Only kernel records count (facility 0: {@code prio} below 8);
 * lines a program wrote into /dev/kmsg have another facility and are not the kernel's words. The
 * saved output of {@code dmesg} ({@code [  137.337803] text}) is read too, for {@code syntop parse}.
 *
 * <p>Times: {@code usec} is the time since boot; {@code btime} of /proc/stat, read alongside, is the
 * boot time in seconds since the epoch, so a record was logged at btime + usec, to the second (as
 * {@code dmesg -T} reckons it, and as inexact after a suspend, whose time the record clock does not count).
 *
 * <p>The messages, from the kernel sources (net/ipv4/tcp_input.c, tcp.c, tcp_minisocks.c,
 * net/netfilter/nf_conntrack_core.c, lib/ratelimit.c, kernel/printk): "%s: Possible SYN flooding on
 * port %pI4:%u. %s." (IPv6 as [%pI6c]:%u; before 5.x "… on port %d. %s.  Check SNMP counters."), "drop
 * open request from %pI4/%u", "time wait bucket table overflow", "too many orphaned sockets", "out of
 * memory -- consider tuning tcp_mem", "nf_conntrack: table full, dropping packet", "%s: %d callbacks
 * suppressed" and the older "printk: %d messages suppressed.".
 *
 * <p>A gap in the sequence numbers means records were overwritten before they were read (the ring
 * buffer wrapped): it is said in a note. A last record without its newline was cut (a read cut short,
 * an output cap) and is not trusted.
 */
public final class KmsgParser {
    private static final Pattern RECORD = Pattern.compile("^(\\d+),(\\d+),(\\d+),([^;,]*)(?:,[^;]*)?;(.*)$");
    private static final Pattern DMESG = Pattern.compile("^\\[\\s*(\\d+)\\.(\\d{1,9})\\]\\s?(.*)$");
    private static final Pattern BTIME = Pattern.compile("^btime\\s+(\\d+)\\s*$");

    private static final Pattern SYN_FLOOD = Pattern.compile(
            "Possible SYN flooding on port (?:\\[([0-9A-Fa-f:.]+)\\]|(\\d{1,3}(?:\\.\\d{1,3}){3}))?:?(\\d+)\\. ([A-Za-z ]+?)\\.");
    private static final Pattern OPEN_REQUEST = Pattern.compile(
            "drop open request from ([0-9A-Fa-f:.]+)/(\\d+)");
    private static final Pattern SUPPRESSED = Pattern.compile(
            "^(?:printk: (\\d+) messages suppressed|(\\S+): (\\d+) callbacks suppressed)");

    /** A message that names its event in a fixed phrase, with nothing to read out of it. */
    private record Plain(String phrase, KernelEvent.Kind kind, String summary) {
    }

    private static final List<Plain> PLAIN = List.of(
            new Plain("time wait bucket table overflow", KernelEvent.Kind.TIME_WAIT_OVERFLOW,
                    "TIME_WAIT table full (tcp_max_tw_buckets): sockets closed without TIME_WAIT"),
            new Plain("too many orphaned sockets", KernelEvent.Kind.TOO_MANY_ORPHANS,
                    "too many orphaned sockets (tcp_max_orphans): connections reset"),
            new Plain("out of memory -- consider tuning tcp_mem", KernelEvent.Kind.TCP_OUT_OF_MEMORY,
                    "TCP out of memory (tcp_mem): connections reset"),
            new Plain("table full, dropping packet", KernelEvent.Kind.CONNTRACK_FULL,
                    "conntrack table full (nf_conntrack_max): packets dropped"));

    private KmsgParser() {
    }

    public static Parsed<Reading> parse(SourceText text) {
        Parsed.Collector c = new Parsed.Collector();
        Optional<Instant> boot = Optional.empty();
        List<String> logLines = new ArrayList<>();
        boolean cut = false;
        for (RawPart p : text.parts()) {
            String s = new String(p.data(), StandardCharsets.UTF_8);
            List<String> lines = s.lines().toList();
            Optional<Instant> b = bootTime(lines);
            if (b.isPresent()) {
                boot = b;
                c.understood();
                continue;
            }
            if (!s.isEmpty() && !s.endsWith("\n") && !lines.isEmpty()) {
                // one read is one whole record: text without its newline at the end was cut
                cut = true;
                c.note("last record cut off, not read: " + shorten(lines.get(lines.size() - 1)));
                lines = lines.subList(0, lines.size() - 1);
            }
            logLines.addAll(lines);
        }
        // one entry per kernel record, null when it reports nothing of ours
        List<KernelEvent> said = new ArrayList<>();
        long lastSeq = -1;
        long lost = 0;
        long line = 0;
        for (String l : logLines) {
            line++;
            if (l.isEmpty() || l.charAt(0) == ' ') {
                // a continuation line (" SUBSYSTEM=net") belongs to the record above it, or to one read earlier
                continue;
            }
            Matcher m = RECORD.matcher(l);
            if (m.matches()) {
                long prio = Long.parseLong(m.group(1));
                long seq = Long.parseLong(m.group(2));
                long usec = Long.parseLong(m.group(3));
                if (lastSeq >= 0 && seq > lastSeq + 1) {
                    lost += seq - lastSeq - 1;
                }
                lastSeq = seq;
                c.understood();
                if (prio >= 8) {
                    continue;
                }
                said.add(event(unescape(m.group(5)), seq, Duration.ofNanos(usec * 1000)).orElse(null));
                continue;
            }
            Matcher d = DMESG.matcher(l);
            if (d.matches()) {
                c.understood();
                String frac = (d.group(2) + "000000000").substring(0, 9);
                Duration since = Duration.ofSeconds(Long.parseLong(d.group(1))).plusNanos(Long.parseLong(frac));
                said.add(event(d.group(3), line, since).orElse(null));
                continue;
            }
            c.unparsed(l);
        }
        List<KernelEvent> events = withTheirSuppressions(said);
        if (lost > 0) {
            c.note(lost + " records overwritten before they were read (the ring buffer wrapped)");
        }
        if (boot.isEmpty() && !events.isEmpty()) {
            c.note("no boot time (btime of /proc/stat): times are since boot");
        }
        Reading.Builder r = Reading.builder();
        for (KernelEvent e : events) {
            r.kernelEvent(boot.map(e::bootedAt).orElse(e));
        }
        if (cut && c.understoodCount() == 0) {
            c.note("nothing but a cut record");
        }
        return c.result(r.build());
    }

    /**
     * The events, with a "messages suppressed" line kept only beside a TCP message: the rate limiter
     * prints it just before the next message it lets through, and the kernel's other subsystems share
     * it, so only there does it count what a TCP message left unsaid.
     */
    static List<KernelEvent> withTheirSuppressions(List<KernelEvent> said) {
        List<KernelEvent> out = new ArrayList<>();
        for (int i = 0; i < said.size(); i++) {
            KernelEvent e = said.get(i);
            if (e == null) {
                continue;
            }
            if (e.kind() == KernelEvent.Kind.MESSAGES_SUPPRESSED && !(ours(said, i - 1) || ours(said, i + 1))) {
                continue;
            }
            out.add(e);
        }
        return out;
    }

    private static boolean ours(List<KernelEvent> said, int i) {
        return i >= 0 && i < said.size() && said.get(i) != null && said.get(i).kind() != KernelEvent.Kind.MESSAGES_SUPPRESSED;
    }

    /** The boot time, from a /proc/stat text ({@code btime 1764734600}); empty for any other text. */
    static Optional<Instant> bootTime(List<String> lines) {
        for (String l : lines) {
            if (!l.startsWith("btime")) {
                continue;
            }
            Matcher m = BTIME.matcher(l);
            if (m.matches()) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1))));
            }
        }
        return Optional.empty();
    }

    /** The event one kernel message reports, if it is one of the TCP messages above. */
    static Optional<KernelEvent> event(String text, long order, Duration sinceBoot) {
        // most of a log is not TCP's: a plain search first spares the patterns
        if (!text.contains("TCP") && !text.contains("table full") && !text.contains("suppressed")
                && !text.contains("open request")) {
            return Optional.empty();
        }
        Matcher m = SYN_FLOOD.matcher(text);
        if (m.find()) {
            Optional<String> addr = Optional.ofNullable(m.group(1) != null ? m.group(1) : m.group(2));
            int port = Integer.parseInt(m.group(3));
            String action = m.group(4).strip().toLowerCase(java.util.Locale.ROOT);
            String what = action.startsWith("sending cookies") ? "sending cookies"
                    : action.startsWith("dropping request") ? "dropping requests" : action;
            String where = addr.map(a -> (a.contains(":") ? "[" + a + "]" : a)).orElse("") + ":" + port;
            return Optional.of(event(KernelEvent.Kind.SYN_FLOOD, text, order, sinceBoot, addr, OptionalInt.of(port),
                    OptionalLong.empty(), "possible SYN flooding on " + where + ", " + what));
        }
        m = OPEN_REQUEST.matcher(text);
        if (m.find()) {
            int port = Integer.parseInt(m.group(2));
            return Optional.of(event(KernelEvent.Kind.OPEN_REQUEST_DROPPED, text, order, sinceBoot,
                    Optional.of(m.group(1)), OptionalInt.of(port), OptionalLong.empty(),
                    "dropped an open request from " + m.group(1) + " port " + port));
        }
        for (Plain p : PLAIN) {
            if (text.contains(p.phrase())) {
                return Optional.of(event(p.kind(), text, order, sinceBoot, Optional.empty(), OptionalInt.empty(),
                        OptionalLong.empty(), p.summary()));
            }
        }
        m = SUPPRESSED.matcher(text);
        if (m.find()) {
            long n = Long.parseLong(m.group(1) != null ? m.group(1) : m.group(3));
            String who = m.group(2) == null ? "printk" : m.group(2);
            return Optional.of(event(KernelEvent.Kind.MESSAGES_SUPPRESSED, text, order, sinceBoot, Optional.empty(),
                    OptionalInt.empty(), OptionalLong.of(n), n + " more messages suppressed (" + who + " rate limit)"));
        }
        return Optional.empty();
    }

    private static KernelEvent event(KernelEvent.Kind kind, String text, long order, Duration since,
                                     Optional<String> address, OptionalInt port, OptionalLong count, String summary) {
        return new KernelEvent(kind, Optional.empty(), KernelEvent.Timing.KERNEL, Optional.of(since), order, address,
                port, count, summary, text, false);
    }

    /** {@code \xNN} back to its byte (the kernel escapes unprintable bytes and the backslash itself). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\\' && i + 3 < b.length && b[i + 1] == 'x' && hex(b[i + 2]) >= 0 && hex(b[i + 3]) >= 0) {
                out.write(hex(b[i + 2]) * 16 + hex(b[i + 3]));
                i += 3;
            } else {
                out.write(b[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
