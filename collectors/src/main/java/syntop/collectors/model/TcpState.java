package syntop.collectors.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;

/**
 * The eleven TCP states of RFC 793, one name each whatever the OS calls them.
 * BSD prints SYN_RCVD, Linux SYN_RECV (and NEW_SYN_RECV for request sockets), ss prints SYN-RECV;
 * all are {@link #SYN_RCVD} here.
 */
public enum TcpState {
    CLOSED, LISTEN, SYN_SENT, SYN_RCVD, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT;

    private static final Map<String, TcpState> SPELLINGS = new HashMap<>();

    static {
        for (TcpState s : values()) {
            SPELLINGS.put(s.name(), s);
        }
        // Linux kernel names (tcp_states.h, /proc/net/tcp, net-tools netstat)
        SPELLINGS.put("SYN_RECV", SYN_RCVD);
        SPELLINGS.put("NEW_SYN_RECV", SYN_RCVD);
        SPELLINGS.put("FIN_WAIT1", FIN_WAIT_1);
        SPELLINGS.put("FIN_WAIT2", FIN_WAIT_2);
        SPELLINGS.put("CLOSE", CLOSED);
        // ss spellings, after '-' is mapped to '_'
        SPELLINGS.put("ESTAB", ESTABLISHED);
        SPELLINGS.put("UNCONN", CLOSED);
        // FreeBSD libxo / "connection count by state" spellings
        SPELLINGS.put("SYN_RECEIVED", SYN_RCVD);
    }

    /** Accepts every spelling seen in BSD netstat, Linux /proc and net-tools, and ss (case-insensitive). */
    public static Optional<TcpState> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        TcpState exact = SPELLINGS.get(text);
        if (exact != null) {
            return Optional.of(exact); // as netstat and ss print them: no copy of the text needed
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        // FreeBSD appends '*' to a state when TF_NEEDSYN/TF_NEEDFIN is set
        if (key.endsWith("*")) {
            key = key.substring(0, key.length() - 1).trim();
        }
        return Optional.ofNullable(SPELLINGS.get(key));
    }

    /** Linux /proc/net/tcp "st" column (include/net/tcp_states.h). */
    public static Optional<TcpState> fromLinuxCode(int code) {
        switch (code) {
            case 0x01: return Optional.of(ESTABLISHED);
            case 0x02: return Optional.of(SYN_SENT);
            case 0x03: return Optional.of(SYN_RCVD);
            case 0x04: return Optional.of(FIN_WAIT_1);
            case 0x05: return Optional.of(FIN_WAIT_2);
            case 0x06: return Optional.of(TIME_WAIT);
            case 0x07: return Optional.of(CLOSED);
            case 0x08: return Optional.of(CLOSE_WAIT);
            case 0x09: return Optional.of(LAST_ACK);
            case 0x0A: return Optional.of(LISTEN);
            case 0x0B: return Optional.of(CLOSING);
            case 0x0C: return Optional.of(SYN_RCVD);
            default: return Optional.empty();
        }
    }

    /** States that pile up during an attack or a misbehaving peer; their remote addresses are worth listing. */
    public boolean isPileUpState() {
        switch (this) {
            case SYN_RCVD: case TIME_WAIT: case FIN_WAIT_1: case FIN_WAIT_2: case CLOSE_WAIT: case LAST_ACK: case CLOSING:
                return true;
            default:
                return false;
        }
    }

    /** Lower-case label used in JSON and metrics, e.g. {@code syn_rcvd}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
