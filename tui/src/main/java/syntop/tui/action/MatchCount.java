package syntop.tui.action;

import java.util.List;

import syntop.collectors.action.ConnectionFilter;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;

/**
 * How many connections a drop filter matches, from the last sample alone (no command runs), said
 * as honestly as the sample allows: exact per-state totals, per-remote counts for the pile-up
 * states (only the top addresses are kept, so a prefix gives "at least"), half-open counts per
 * listening port, and "unknown" where the sample does not keep what the filter asks for.
 */
final class MatchCount {
    private MatchCount() {
    }

    static String describe(Snapshot s, ConnectionFilter f) {
        boolean byPort = f.localPort().isPresent();
        if (f.remote().isPresent()) {
            IpPrefix r = f.remote().get();
            List<TcpState> states = f.state().map(List::of)
                    .orElse(s.remotes().keySet().stream().toList());
            if (f.state().isPresent() && !f.state().get().isPileUpState()) {
                return "matching in the last sample: unknown (it keeps remote addresses for pile-up states only); "
                        + "the drop counts them first";
            }
            long n = 0;
            for (TcpState st : states) {
                for (AddressCount a : s.remotes(st)) {
                    if (r.containsAddress(a.address())) {
                        n += a.count();
                    }
                }
            }
            String scope = f.state().isPresent() ? "" : " (pile-up states)";
            if (byPort) {
                return "matching in the last sample: up to " + n + scope + " (it keeps no ports per remote)";
            }
            return "matching in the last sample: " + (r.isHost() ? "" : "at least ") + n + scope
                    + (r.isHost() ? "" : " (it keeps the top addresses per state)");
        }
        if (f.state().isPresent() && !byPort) {
            if (s.states().isEmpty()) {
                return "matching in the last sample: unknown (no state counts)";
            }
            return "matching in the last sample: " + s.states().get(f.state().get());
        }
        if (f.state().isPresent() && f.state().get() == TcpState.SYN_RCVD) {
            int port = f.localPort().getAsInt();
            long n = 0;
            boolean known = false;
            for (ListenQueue q : s.listeners()) {
                if (q.port() == port && q.synQueue().isPresent()) {
                    n += q.synQueue().getAsLong();
                    known = true;
                }
            }
            if (known) {
                return "matching in the last sample: " + n + " (half-open on port " + port + ")";
            }
        }
        return "matching in the last sample: unknown (it keeps no per-port counts for this); the drop counts them first";
    }
}
