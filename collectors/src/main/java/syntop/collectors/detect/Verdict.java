package syntop.collectors.detect;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A named situation with its evidence: "SYN flood on :8080 — 129 SYN_RCVD (limit 128), 1871 drops/s".
 *
 * @param kind     what kind of trouble
 * @param severity how bad
 * @param port     the port it concerns, when it concerns one
 * @param summary  the situation in words, short enough for one screen line
 * @param evidence the numbers behind it
 */
public record Verdict(Kind kind, Severity severity, OptionalInt port, String summary, String evidence) {
    public enum Severity { WARNING, CRITICAL }

    public enum Kind {
        SYN_FLOOD, BACKLOG_TOO_SMALL, ACCEPT_QUEUE_FULL, TIME_WAIT_PILE_UP, FIN_WAIT_1_PILE_UP, FIN_WAIT_2_PILE_UP,
        CLOSE_WAIT_PILE_UP, LAST_ACK_PILE_UP, PF_STATE_TABLE_FULL, RESET_SURGE, RETRANSMIT_SURGE, SYNPROXY_NOT_HELPING,
        EPHEMERAL_PORTS_RUNNING_OUT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Verdict {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(port);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(evidence);
    }
}
