package syntop.collectors.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import syntop.collectors.model.TcpState;

/**
 * Which connections to drop: a TCP state and/or a local port and/or a remote address or prefix.
 * At least one is required (an empty filter would drop everything), and listening sockets are
 * never a target (stop the service instead).
 */
public record ConnectionFilter(Optional<TcpState> state, OptionalInt localPort, Optional<IpPrefix> remote) {
    public ConnectionFilter {
        if (state.isEmpty() && localPort.isEmpty() && remote.isEmpty()) {
            throw ActionRefused.invalid("say which connections: a state, a local port or a remote address (all of them would be every connection)");
        }
        if (state.isPresent() && (state.get() == TcpState.LISTEN || state.get() == TcpState.CLOSED)) {
            throw ActionRefused.invalid("syntop does not drop " + state.get().label()
                    + " sockets; stop or reconfigure the service instead");
        }
        localPort.ifPresent(Inputs::port);
    }

    /** From command-line or dialog text; blank parts are left out. */
    public static ConnectionFilter of(String state, String port, String remote) {
        return new ConnectionFilter(
                blank(state) ? Optional.empty() : Optional.of(Inputs.state(state)),
                blank(port) ? OptionalInt.empty() : OptionalInt.of(Inputs.port(port)),
                blank(remote) ? Optional.empty() : Optional.of(IpPrefix.parse(remote)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** "SYN_RCVD connections to local port 8080 from 10.99.0.0/24". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(state.map(s -> s.name() + " connections").orElse("connections in any state but LISTEN"));
        localPort.ifPresent(p -> parts.add("on local port " + p));
        remote.ifPresent(r -> parts.add("from " + r));
        return String.join(" ", parts);
    }
}
