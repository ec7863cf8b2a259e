package syntop.tui.view;

import syntop.collectors.model.TcpState;
import syntop.themes.Role;

/**
 * Colour thresholds for the state counts an attack drives up. Counts above {@code warn} are drawn
 * as a warning, above {@code critical} as critical; states not listed stay plain.
 */
final class Severity {
    private Severity() {
    }

    static Role of(TcpState state, long count) {
        long warn;
        long critical;
        switch (state) {
            case SYN_RCVD: warn = 100; critical = 1000; break;
            case TIME_WAIT: warn = 10_000; critical = 25_000; break;
            case FIN_WAIT_1: case FIN_WAIT_2: case CLOSE_WAIT: case LAST_ACK: case CLOSING:
                warn = 500; critical = 5_000; break;
            default:
                return Role.VALUE;
        }
        return count >= critical ? Role.CRITICAL : count >= warn ? Role.WARN : Role.VALUE;
    }
}
