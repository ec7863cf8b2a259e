package syntop.collectors.os.bsd;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import syntop.collectors.model.KernelEvent;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;

/**
 * The FreeBSD and macOS kernel message buffer, as {@code dmesg} prints it (kern.msgbuf), turned into
 * the TCP events it reports.
 *
 * <p>The messages, from the kernel sources: FreeBSD sys/kern/uipc_socket.c {@code sonewconn()},
 * "sonewconn: pcb %p: Listen queue overflow: %i already in queue awaiting acceptance (%d occurrences)",
 * since 13 with the listener "(%s)" after the pcb ({@code 0.0.0.0:18080 (proto 6)}) and since 14 with
 * ", euid %d, rgid %d, jail %s" at the end; FreeBSD sys/netinet/ip_icmp.c {@code badport_bandlim()}
 * "Limiting %s from %jd to %d packets/sec" and xnu bsd/netinet/ip_icmp.c "%s from %d to %d packets per
 * second", with %s "Limiting closed port RST response" or "Limiting open port RST response". xnu logs
 * nothing when a listen queue overflows (its {@code sonewconn} returns without a message).
 *
 * <p>The buffer has no times, unless FreeBSD's {@code kern.msgbuf_show_timestamp} prefixes each line
 * with the seconds since boot ({@code [103] }); a priority ({@code <4>}, {@code dmesg -a}) may lead.
 * The buffer is a ring of bytes: once it has wrapped, its first line is the tail of a longer one,
 * and a message recognised only by its tail there is said to be cut, not read.
 */
public final class DmesgParser {
    private static final Pattern PREFIX = Pattern.compile("^(?:<\\d+>)?(?:\\[(\\d+)(?:\\.(\\d{1,9}))?\\] ?)?");
    private static final Pattern LISTEN_OVERFLOW = Pattern.compile(
            "sonewconn: pcb (0x[0-9a-fA-F]+)(?: \\((?:\\[([0-9a-fA-F:.%]+)\\]|([0-9.]+|\\*)):(\\d+)(?: \\(proto \\d+\\))?\\))?"
                    + ": Listen queue overflow: (\\d+) already in queue awaiting acceptance(?: \\((\\d+) occurrences\\))?");
    private static final Pattern RST_LIMIT = Pattern.compile(
            "Limiting (closed|open) port RST response from ?(\\d+) to (\\d+) packets(?:/sec| per second)");
    /** The tails a cut first line may still show. */
    private static final List<String> TAILS = List.of("queue awaiting acceptance", "occurrences)", "RST response",
            "packets/sec", "packets per second");

    private DmesgParser() {
    }

    public static Parsed<Reading> parse(List<String> lines) {
        Parsed.Collector c = new Parsed.Collector();
        Reading.Builder r = Reading.builder();
        long n = 0;
        for (String raw : lines) {
            n++;
            if (raw.isBlank()) {
                continue;
            }
            c.understood();
            Matcher p = PREFIX.matcher(raw);
            Optional<Duration> since = Optional.empty();
            String text = raw;
            if (p.lookingAt()) {
                if (p.group(1) != null) {
                    String frac = p.group(2) == null ? "0" : (p.group(2) + "000000000").substring(0, 9);
                    since = Optional.of(Duration.ofSeconds(Long.parseLong(p.group(1))).plusNanos(Long.parseLong(frac)));
                }
                text = raw.substring(p.end());
            }
            Optional<KernelEvent> e = event(text, n, since);
            if (e.isPresent()) {
                r.kernelEvent(e.get());
            } else if (n == 1 && TAILS.stream().anyMatch(text::contains)) {
                c.note("first line cut by the message buffer's wrap, not read: " + shorten(text));
            }
        }
        return c.result(r.build());
    }

    static Optional<KernelEvent> event(String text, long order, Optional<Duration> since) {
        // most of a buffer is not TCP's: a plain search first spares the patterns
        if (!text.contains("sonewconn") && !text.contains("RST response")) {
            return Optional.empty();
        }
        Matcher m = LISTEN_OVERFLOW.matcher(text);
        if (m.find()) {
            Optional<String> addr = Optional.ofNullable(m.group(2) != null ? m.group(2) : m.group(3));
            OptionalInt port = m.group(4) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(4)));
            long queued = Long.parseLong(m.group(5));
            OptionalLong times = m.group(6) == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(6)));
            String where = port.isPresent() ? " on " + addr.map(a -> a.contains(":") ? "[" + a + "]" : a).orElse("")
                    + ":" + port.getAsInt() : " (listener " + m.group(1) + ")";
            String summary = "listen queue overflow" + where + ": " + queued + " waiting to be accepted"
                    + (times.isPresent() ? ", " + times.getAsLong() + " overflows since its last message" : "");
            return Optional.of(new KernelEvent(KernelEvent.Kind.LISTEN_QUEUE_OVERFLOW, Optional.empty(),
                    KernelEvent.Timing.UNKNOWN, since, order, addr, port, times, summary, text, false));
        }
        m = RST_LIMIT.matcher(text);
        if (m.find()) {
            long from = Long.parseLong(m.group(2));
            String summary = "RSTs to " + m.group(1) + " ports limited: " + from + "/s asked, " + m.group(3) + "/s sent";
            return Optional.of(new KernelEvent(KernelEvent.Kind.RST_LIMITED, Optional.empty(), KernelEvent.Timing.UNKNOWN,
                    since, order, Optional.empty(), OptionalInt.empty(), OptionalLong.of(from), summary, text, false));
        }
        return Optional.empty();
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
