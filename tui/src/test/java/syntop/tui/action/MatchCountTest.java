package syntop.tui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import syntop.collectors.action.ConnectionFilter;
import syntop.collectors.model.Snapshot;

class MatchCountTest {
    private final Snapshot s = FakeMachine.floodFrame().snapshot();

    private String count(String state, String port, String remote) {
        return MatchCount.describe(s, ConnectionFilter.of(state, port, remote));
    }

    @Test
    void saysExactlyWhatTheSampleKnows() {
        assertEquals("matching in the last sample: 40", count("syn_rcvd", "", "203.0.113.7"));
        assertEquals("matching in the last sample: at least 65 (it keeps the top addresses per state)",
                count("syn_rcvd", "", "203.0.113.0/24"));
        assertEquals("matching in the last sample: up to 40 (it keeps no ports per remote)", count("syn_rcvd", "8080", "203.0.113.7"));
        assertEquals("matching in the last sample: 12 (pile-up states)", count("", "", "192.0.2.3"));
        assertEquals("matching in the last sample: 70", count("syn_rcvd", "", ""));
        assertEquals("matching in the last sample: 70 (half-open on port 8080)", count("syn_rcvd", "8080", ""));
        assertEquals("matching in the last sample: 0", count("established", "", ""));
        assertEquals("matching in the last sample: unknown (it keeps remote addresses for pile-up states only); "
                + "the drop counts them first", count("established", "", "203.0.113.7"));
        assertEquals("matching in the last sample: unknown (it keeps no per-port counts for this); the drop counts them first",
                count("", "443", ""));
    }
}
