package syntop.collectors.os.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import syntop.collectors.model.TcpState;
import syntop.collectors.parse.Numbers;

/**
 * {@code /proc/net/tcp} and {@code tcp6} row by row, each socket with its endpoints and inode:
 * "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ..."
 * (the kernel's Documentation/networking/proc_net_tcp.rst). A process's sockets are found by
 * matching these inodes with its open files, whose links read {@code socket:[INODE]} (proc(5),
 * /proc/PID/fd). For the few sockets of one process; the per-tick counts are
 * {@link ProcNetTcpParser}'s.
 */
public final class ProcNetTcpSocketsParser {
    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d{1,19})]");

    private ProcNetTcpSocketsParser() {
    }

    /** One socket; addresses as {@link HexAddress} decodes them. */
    public record Socket(String localAddress, int localPort, String remoteAddress, int remotePort, TcpState state, long inode) {
    }

    /** Every row that reads whole; the header and damaged rows are skipped. */
    public static List<Socket> parse(String text) {
        List<Socket> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            row(line).ifPresent(out::add);
        }
        return out;
    }

    /** The inode of an open file's link text, when it is a socket. */
    public static OptionalLong socketInode(String linkTarget) {
        Matcher m = SOCKET_LINK.matcher(linkTarget);
        return m.matches() ? Numbers.parseLong(m.group(1)) : OptionalLong.empty();
    }

    private static Optional<Socket> row(String line) {
        String[] f = Numbers.fields(line);
        if (f.length < 10 || !f[0].endsWith(":")) {
            return Optional.empty();
        }
        Optional<Endpoint> local = endpoint(f[1]);
        Optional<Endpoint> remote = endpoint(f[2]);
        OptionalLong st = f[3].length() == 2 ? Numbers.parseHex(f[3]) : OptionalLong.empty();
        Optional<TcpState> state = st.isPresent() ? TcpState.fromLinuxCode((int) st.getAsLong()) : Optional.empty();
        OptionalLong inode = Numbers.parseLong(f[9]);
        if (local.isEmpty() || remote.isEmpty() || state.isEmpty() || inode.isEmpty() || inode.getAsLong() < 0) {
            return Optional.empty();
        }
        return Optional.of(new Socket(local.get().address(), local.get().port(), remote.get().address(), remote.get().port(),
                state.get(), inode.getAsLong()));
    }

    private record Endpoint(String address, int port) {
    }

    /** "0100007F:1F90"; the port is 4 hex digits, so at most 65535. */
    private static Optional<Endpoint> endpoint(String hex) {
        int colon = hex.indexOf(':');
        if (colon < 0 || hex.length() - colon - 1 != 4) {
            return Optional.empty();
        }
        Optional<String> addr = HexAddress.decode(hex.substring(0, colon));
        OptionalLong port = Numbers.parseHex(hex.substring(colon + 1));
        if (addr.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(addr.get(), (int) port.getAsLong()));
    }
}
