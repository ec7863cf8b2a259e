package syntop.collectors.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import syntop.collectors.model.TcpState;

/**
 * Which connections to drop: a TCP state and/or a local port and/or a remote address or prefix.
 * At least one is required (an empty filter would drop everything), and listening sockets are
 * never a target (stop the service instead). {@code except} lists connections the drop spares
 * whatever else matches (the operator's own session, see {@link DropGuard}).
 */
public record ConnectionFilter(Optional<TcpState> state, OptionalInt localPort, Optional<IpPrefix> remote,
                               List<Except> except) {
    /** Connections from {@code remote} (to local port {@code localPort}, or to any port when empty) are spared. */
    public record Except(IpPrefix remote, OptionalInt localPort) {
        public boolean covers(IpPrefix remoteAddress, int port) {
            return remote.contains(remoteAddress) && (localPort.isEmpty() || localPort.getAsInt() == port);
        }

        /** "from 192.0.2.10 to local port 22". */
        public String describe() {
            return "from " + remote + localPort.stream().mapToObj(p -> " to local port " + p).findFirst().orElse("");
        }
    }

    public ConnectionFilter(Optional<TcpState> state, OptionalInt localPort, Optional<IpPrefix> remote) {
        this(state, localPort, remote, List.of());
    }

    public ConnectionFilter {
        except = List.copyOf(except);
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

    /** The same filter, also sparing {@code more}. */
    public ConnectionFilter sparing(List<Except> more) {
        List<Except> all = new ArrayList<>(except);
        more.stream().filter(e -> !all.contains(e)).forEach(all::add);
        return new ConnectionFilter(state, localPort, remote, all);
    }

    /** True when a connection from {@code remoteAddress} to local port {@code port} is spared. */
    public boolean spares(String remoteAddress, int port) {
        return IpPrefix.isValid(remoteAddress) && except.stream().anyMatch(e -> e.covers(IpPrefix.parse(remoteAddress), port));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** "SYN_RCVD connections on local port 8080 from 10.99.0.0/24 except from 10.99.0.7 to local port 22". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(state.map(s -> s.name() + " connections").orElse("connections in any state but LISTEN"));
        localPort.ifPresent(p -> parts.add("on local port " + p));
        remote.ifPresent(r -> parts.add("from " + r));
        if (!except.isEmpty()) {
            parts.add("except " + String.join(", except ", except.stream().map(Except::describe).toList()));
        }
        return String.join(" ", parts);
    }
}
