package syntop.collectors.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The SSH session syntop runs under: its peer (the operator's client address), the peer's port
 * and the local (SSH server) port when known, and how syntop found it. syntop never blocks the
 * peer, and never drops connections from it to the local port (see {@link DropGuard}).
 *
 * @param peer      the client's address, a single host
 * @param peerPort  the client's port
 * @param localPort the SSH server's port on this machine
 * @param foundBy   where syntop read it, in words ("SSH_CONNECTION", "the socket of sshd process 812")
 */
public record OwnSession(IpPrefix peer, OptionalInt peerPort, OptionalInt localPort, String foundBy) {
    public OwnSession {
        Objects.requireNonNull(peer);
        if (!peer.isHost()) {
            throw new IllegalArgumentException("a session's peer is one address, not " + peer);
        }
        Objects.requireNonNull(peerPort);
        Objects.requireNonNull(localPort);
        Objects.requireNonNull(foundBy);
    }

    /**
     * From OpenSSH's variables: {@code SSH_CONNECTION} is "client-address client-port server-address
     * server-port", {@code SSH_CLIENT} "client-address client-port server-port" (sshd(8),
     * ENVIRONMENT). sudo's default env_reset removes both, so they are only one source.
     */
    public static List<OwnSession> fromEnvironment(Map<String, String> env) {
        List<OwnSession> out = new ArrayList<>();
        for (String var : List.of("SSH_CONNECTION", "SSH_CLIENT")) {
            String[] f = env.getOrDefault(var, "").strip().split("\\s+");
            if (f.length < 1 || !IpPrefix.isValid(f[0]) || !IpPrefix.parse(f[0]).isHost()) {
                continue;
            }
            String serverPort = var.equals("SSH_CONNECTION") ? field(f, 3) : field(f, 2);
            out.add(new OwnSession(IpPrefix.parse(f[0]), port(field(f, 1)), port(serverPort), var));
        }
        return distinct(out);
    }

    /** The sessions of every source, the first of each peer and local port kept. */
    public static List<OwnSession> distinct(List<OwnSession> sessions) {
        List<OwnSession> out = new ArrayList<>();
        for (OwnSession s : sessions) {
            if (out.stream().noneMatch(o -> o.peer.equals(s.peer) && o.localPort.equals(s.localPort))) {
                out.add(s);
            }
        }
        return out;
    }

    /** What a drop spares: every connection from the peer to the SSH port (any port when it is not known). */
    public ConnectionFilter.Except spared() {
        return new ConnectionFilter.Except(peer, localPort);
    }

    /** "192.0.2.10 port 50000 to local port 22 (SSH_CONNECTION)". */
    public String describe() {
        return peer + peerPort.stream().mapToObj(p -> " port " + p).findFirst().orElse("")
                + localPort.stream().mapToObj(p -> " to local port " + p).findFirst().orElse("") + " (" + foundBy + ")";
    }

    private static String field(String[] f, int i) {
        return i < f.length ? f[i] : "";
    }

    private static OptionalInt port(String text) {
        try {
            return OptionalInt.of(Inputs.port(text));
        } catch (ActionRefused e) {
            return OptionalInt.empty();
        }
    }
}
