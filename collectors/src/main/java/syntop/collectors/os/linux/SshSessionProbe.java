package syntop.collectors.os.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

import syntop.collectors.action.IpPrefix;
import syntop.collectors.action.OwnSession;
import syntop.collectors.model.TcpState;
import syntop.collectors.source.FsRoot;

/**
 * Finds the SSH session a process runs under from the kernel's tables, which sudo cannot strip
 * as it strips {@code SSH_CONNECTION}: up the parents in {@code /proc/PID/stat} to the nearest
 * {@code sshd} process (OpenSSH 9.8 and later name it {@code sshd-session}) holding an
 * established TCP socket, found by matching its open files' socket inodes against
 * {@code /proc/PID/net/tcp} and {@code tcp6} (that process's own network namespace). The
 * socket's remote end is the operator's client, its local port the SSH port. Reading another
 * user's open files needs root; without it the environment is the only source.
 */
public final class SshSessionProbe {
    private static final Set<String> SSHD = Set.of("sshd", "sshd-session");
    /** Parents followed at most: a session is a few levels down (sshd, shell, sudo, syntop). */
    private static final int MAX_DEPTH = 64;

    private SshSessionProbe() {
    }

    /** The session {@code pid} runs under, empty when it is not under sshd or the socket cannot be read. */
    public static Optional<OwnSession> find(FsRoot root, long pid) {
        long p = pid;
        for (int depth = 0; depth < MAX_DEPTH && p > 1; depth++) {
            Optional<ProcPidStatParser.Stat> stat = read(root, "/proc/" + p + "/stat").flatMap(ProcPidStatParser::parse);
            if (stat.isEmpty()) {
                return Optional.empty();
            }
            if (SSHD.contains(stat.get().comm())) {
                Optional<OwnSession> s = sessionOf(root, p);
                if (s.isPresent()) {
                    return s;
                }
            }
            p = stat.get().ppid();
        }
        return Optional.empty();
    }

    private static Optional<OwnSession> sessionOf(FsRoot root, long pid) {
        Set<Long> inodes = socketInodes(root, pid);
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        for (String table : List.of("tcp", "tcp6")) {
            Optional<String> text = read(root, "/proc/" + pid + "/net/" + table);
            for (ProcNetTcpSocketsParser.Socket s : text.map(ProcNetTcpSocketsParser::parse).orElse(List.of())) {
                if (s.state() == TcpState.ESTABLISHED && inodes.contains(s.inode()) && IpPrefix.isValid(s.remoteAddress())) {
                    return Optional.of(new OwnSession(IpPrefix.parse(s.remoteAddress()), OptionalInt.of(s.remotePort()),
                            OptionalInt.of(s.localPort()), "the TCP socket of sshd process " + pid));
                }
            }
        }
        return Optional.empty();
    }

    private static Set<Long> socketInodes(FsRoot root, long pid) {
        Set<Long> out = new HashSet<>();
        try (Stream<Path> fds = Files.list(root.resolve("/proc/" + pid + "/fd"))) {
            fds.forEach(fd -> {
                try {
                    ProcNetTcpSocketsParser.socketInode(Files.readSymbolicLink(fd).toString()).ifPresent(out::add);
                } catch (IOException | UnsupportedOperationException e) {
                    // closed since it was listed, or not a link: not the session's socket
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // gone, or another user's (not root): this process cannot be read
        }
        return out;
    }

    private static Optional<String> read(FsRoot root, String path) {
        try {
            return Optional.of(new String(root.read(path), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
