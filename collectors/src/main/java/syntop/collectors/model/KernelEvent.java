package syntop.collectors.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One thing the kernel said in its log about TCP under pressure: "Possible SYN flooding on port
 * 10.99.0.2:8080. Dropping request.", "sonewconn: … Listen queue overflow: 193 already in queue …".
 *
 * @param kind        what the message reports
 * @param at          when the kernel said it, in wall-clock time, where that is known (see {@code timing})
 * @param timing      where {@code at} comes from
 * @param sinceBoot   the kernel's own time stamp, since boot (Linux), where the log has one
 * @param order       the record's place in the log: the sequence number of a Linux kmsg record, the line's
 *                    number in a BSD message buffer; later messages have larger numbers within one read
 * @param address     the address the message names (the listener's, or the remote's for "drop open request")
 * @param port        the port the message names (the listener's, or the remote's for "drop open request")
 * @param count       the number the message counts (messages suppressed, occurrences, packets per second)
 * @param summary     the message in plain words, for one screen line
 * @param text        the kernel's text as it was logged
 * @param beforeStart the kernel said it before syntop started watching: history, not a live fact
 */
public record KernelEvent(Kind kind, Optional<Instant> at, Timing timing, Optional<Duration> sinceBoot, long order,
                          Optional<String> address, OptionalInt port, OptionalLong count, String summary, String text,
                          boolean beforeStart) {

    public enum Kind {
        /** Linux: "Possible SYN flooding on port …" (printed once per listening socket). */
        SYN_FLOOD,
        /** Linux (older kernels, debug level): "TCP: drop open request from ADDR/PORT". */
        OPEN_REQUEST_DROPPED,
        /** Linux: "TCP: time wait bucket table overflow" (tcp_max_tw_buckets reached). */
        TIME_WAIT_OVERFLOW,
        /** Linux: "TCP: too many orphaned sockets" (tcp_max_orphans reached). */
        TOO_MANY_ORPHANS,
        /** Linux: "TCP: out of memory -- consider tuning tcp_mem". */
        TCP_OUT_OF_MEMORY,
        /** Linux: "nf_conntrack: table full, dropping packet". */
        CONNTRACK_FULL,
        /** Linux: "printk: N messages suppressed." or "net_ratelimit: N callbacks suppressed". */
        MESSAGES_SUPPRESSED,
        /** FreeBSD: "sonewconn: pcb …: Listen queue overflow: N already in queue awaiting acceptance". */
        LISTEN_QUEUE_OVERFLOW,
        /** FreeBSD, macOS: "Limiting closed port RST response from N to M packets/sec". */
        RST_LIMITED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where an event's time comes from. */
    public enum Timing {
        /** The kernel stamped the record (Linux: boot time plus the record's offset). */
        KERNEL,
        /** The log has no times (BSD): the time syntop first saw the line, at most one poll after it was logged. */
        SEEN,
        /** The log has no times and the line was there before syntop started: when it was said is unknown. */
        UNKNOWN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public KernelEvent {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(at);
        Objects.requireNonNull(timing);
        Objects.requireNonNull(sinceBoot);
        Objects.requireNonNull(address);
        Objects.requireNonNull(port);
        Objects.requireNonNull(count);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(text);
    }

    /** The same event, marked as said before syntop started watching. */
    public KernelEvent beforeWatching() {
        Timing t = timing == Timing.SEEN ? Timing.UNKNOWN : timing;
        return new KernelEvent(kind, t == Timing.UNKNOWN ? Optional.empty() : at, t, sinceBoot, order, address, port,
                count, summary, text, true);
    }

    /** The same event, first seen at {@code seen} (for a log without times). */
    public KernelEvent seenAt(Instant seen) {
        return new KernelEvent(kind, Optional.of(seen), Timing.SEEN, sinceBoot, order, address, port, count, summary,
                text, beforeStart);
    }

    /** The same event, dated by the machine's boot time (Linux: the record's offset from boot). */
    public KernelEvent bootedAt(Instant boot) {
        return sinceBoot.map(d -> new KernelEvent(kind, Optional.of(boot.plus(d)), Timing.KERNEL, sinceBoot, order,
                address, port, count, summary, text, beforeStart)).orElse(this);
    }

    /**
     * What the kernel said and when, for one line, as of {@code now}: "kernel said at 07:31:12: possible
     * SYN flooding on 10.99.0.2:8080, dropping requests"; one from before syntop started says so and how
     * long ago ("kernel said 4 min ago (07:27:01), before syntop started: …"), without claiming it still holds.
     */
    public String said(Instant now) {
        return said(now, false);
    }

    /**
     * The same, {@code brief} for a screen line where what was said must fit: "kernel at 07:31:12: …",
     * "kernel 4 min ago, before syntop: …".
     */
    public String said(Instant now, boolean brief) {
        String who = brief ? "kernel" : "kernel said";
        String before = brief ? "before syntop" : "before syntop started";
        String when;
        if (at.isEmpty()) {
            when = beforeStart ? (brief ? ", " : " ") + before + " (its log has no times)" : " (time unknown)";
        } else {
            String clock = at.get().toString().substring(11, 19);
            if (beforeStart) {
                when = " " + ago(Duration.between(at.get(), now)) + (brief ? "" : " (" + clock + ")") + ", " + before;
            } else {
                when = (timing == Timing.SEEN ? " by " : " at ") + clock;
            }
        }
        return who + when + ": " + summary;
    }

    /** "12 s ago", "4 min ago", "3 h ago", "2 days ago". */
    static String ago(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 120) {
            return s + " s ago";
        }
        if (s < 2 * 3600) {
            return s / 60 + " min ago";
        }
        if (s < 2 * 86400) {
            return s / 3600 + " h ago";
        }
        return s / 86400 + " days ago";
    }
}
