package syntop.collectors.model;

import java.util.Locale;

/**
 * Stable, OS-independent names for the counters and gauges syntop reasons about.
 * Every OS maps its own counters onto these; the raw names are kept too (see {@link Counters#raw()}).
 */
public enum CounterId {
    // connection setup
    ACTIVE_OPENS(Kind.COUNTER, "connections opened by this host (connect)"),
    PASSIVE_OPENS(Kind.COUNTER, "connections accepted from peers"),
    ATTEMPT_FAILS(Kind.COUNTER, "connection attempts that failed"),
    ESTAB_RESETS(Kind.COUNTER, "established connections reset"),
    RESETS_SENT(Kind.COUNTER, "segments sent with RST"),
    SEGMENTS_RECEIVED(Kind.COUNTER, "segments received"),
    SEGMENTS_SENT(Kind.COUNTER, "segments sent"),
    SEGMENTS_RETRANSMITTED(Kind.COUNTER, "segments retransmitted"),
    // listen queues and SYN handling
    LISTEN_OVERFLOWS(Kind.COUNTER, "accept queue overflows"),
    LISTEN_DROPS(Kind.COUNTER, "SYNs dropped at a listener (overflows included)"),
    SYN_QUEUE_FULL_DROPS(Kind.COUNTER, "SYNs dropped because the SYN queue was full and cookies were off"),
    SYN_QUEUE_FULL_COOKIES(Kind.COUNTER, "SYN cookies sent because the SYN queue was full"),
    EMBRYONIC_DROPPED(Kind.COUNTER, "half-open (embryonic) connections dropped"),
    EMBRYONIC_RESETS(Kind.COUNTER, "half-open connections reset by the peer"),
    SYNCOOKIES_SENT(Kind.COUNTER, "SYN cookies sent"),
    SYNCOOKIES_RECEIVED(Kind.COUNTER, "valid SYN cookies received"),
    SYNCOOKIES_FAILED(Kind.COUNTER, "invalid SYN cookies received"),
    SYNCACHE_ADDED(Kind.COUNTER, "SYN cache entries added"),
    SYNCACHE_OVERFLOWS(Kind.COUNTER, "SYN cache overflows (entries dropped because the cache was full)"),
    SYNCACHE_BUCKET_OVERFLOWS(Kind.COUNTER, "SYN cache bucket overflows"),
    SYNCACHE_ENTRIES(Kind.GAUGE, "SYN cache entries now"),
    SYNCACHE_LIMIT(Kind.GAUGE, "SYN cache size limit"),
    TIME_WAIT_OVERFLOWS(Kind.COUNTER, "TIME_WAIT sockets not created because the table was full"),
    // socket table gauges (Linux sockstat)
    SOCKETS_IN_USE(Kind.GAUGE, "TCP sockets in use"),
    SOCKETS_ORPHANED(Kind.GAUGE, "orphaned TCP sockets"),
    SOCKETS_TIME_WAIT(Kind.GAUGE, "TCP sockets in TIME_WAIT (kernel count)"),
    // netfilter SYNPROXY (Linux)
    SYNPROXY_SYN_RECEIVED(Kind.COUNTER, "SYNPROXY SYNs received"),
    SYNPROXY_COOKIE_VALID(Kind.COUNTER, "SYNPROXY valid cookies"),
    SYNPROXY_COOKIE_INVALID(Kind.COUNTER, "SYNPROXY invalid cookies"),
    SYNPROXY_COOKIE_RETRANS(Kind.COUNTER, "SYNPROXY retransmitted cookies"),
    SYNPROXY_CONN_REOPENED(Kind.COUNTER, "SYNPROXY connections reopened"),
    // pf (macOS, FreeBSD)
    PF_STATES(Kind.GAUGE, "pf state table entries now"),
    PF_STATE_LIMIT(Kind.GAUGE, "pf state table hard limit"),
    PF_STATE_SEARCHES(Kind.COUNTER, "pf state table searches"),
    PF_STATE_INSERTS(Kind.COUNTER, "pf state table inserts"),
    PF_STATE_REMOVALS(Kind.COUNTER, "pf state table removals"),
    PF_MEMORY_DROPS(Kind.COUNTER, "packets dropped because pf could not allocate a state (table full)"),
    PF_STATE_MISMATCH(Kind.COUNTER, "packets not matching their pf state"),
    PF_SYNPROXY(Kind.COUNTER, "pf synproxy events"),
    PF_SYNFLOODS_DETECTED(Kind.COUNTER, "pf synfloods detected (FreeBSD 13+)"),
    PF_SYNCOOKIES_SENT(Kind.COUNTER, "pf syncookies sent (FreeBSD 13+)"),
    PF_SYNCOOKIES_VALIDATED(Kind.COUNTER, "pf syncookies validated (FreeBSD 13+)");

    /** A counter only grows (until reset or wrap); a gauge goes up and down. */
    public enum Kind { COUNTER, GAUGE }

    private final Kind kind;
    private final String description;

    CounterId(Kind kind, String description) {
        this.kind = kind;
        this.description = description;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** Lower-case id used in JSON, CSV and metrics, e.g. {@code syncookies_sent}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
