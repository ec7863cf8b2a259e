package syntop.collectors.os.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.Fixtures;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.action.OwnSession;
import syntop.collectors.model.TcpState;
import syntop.collectors.source.FsRoot;

/**
 * The own SSH session found from real process trees captured under an sshd (see the fixtures'
 * SOURCES.tsv): /proc/PID/stat for the parents, and each process's open files rebuilt as the
 * links {@code ls -l /proc/PID/fd} showed.
 */
class SshSessionProbeTest {
    private static final String SUDO = "linux/6.18-sshd-9.2-session-sudo";
    private static final String IPV6 = "linux/6.18-sshd-9.2-session-ipv6";

    @TempDir
    Path tmp;

    @Test
    void statGivesNameAndParentEvenWithParenthesesInTheName() {
        assertEquals(Optional.of(new ProcPidStatParser.Stat(2710, "sudo", 2610)),
                ProcPidStatParser.parse(Fixtures.read(SUDO + "/proc/2710/stat")));
        assertEquals(Optional.of(new ProcPidStatParser.Stat(2596, "sshd", 2513)),
                ProcPidStatParser.parse(Fixtures.read(SUDO + "/proc/2596/stat")));
        String odd = Fixtures.read(SUDO + "/proc/2710/stat").replace("(sudo)", "(a) b (c)");
        assertEquals("a) b (c", ProcPidStatParser.parse(odd).orElseThrow().comm());
        assertEquals(Optional.empty(), ProcPidStatParser.parse("2710 sudo S 2610"));
        assertEquals(Optional.empty(), ProcPidStatParser.parse(""));
    }

    @Test
    void socketRowsCarryEndpointsStateAndInode() {
        List<ProcNetTcpSocketsParser.Socket> v4 = ProcNetTcpSocketsParser.parse(Fixtures.read(SUDO + "/proc/2596/net/tcp"));
        assertEquals(3, v4.size(), v4.toString());
        assertEquals(new ProcNetTcpSocketsParser.Socket("10.99.78.1", 2222, "0.0.0.0", 0, TcpState.LISTEN, 204580), v4.get(0));
        assertEquals(new ProcNetTcpSocketsParser.Socket("10.99.78.1", 2222, "10.99.78.2", 56735, TcpState.ESTABLISHED, 204599),
                v4.get(2));
        List<ProcNetTcpSocketsParser.Socket> v6 = ProcNetTcpSocketsParser.parse(Fixtures.read(IPV6 + "/proc/3123/net/tcp6"));
        assertEquals("fd00:99:78::2", IpPrefix.parse(v6.get(1).remoteAddress()).toString());
        assertEquals(54355, v6.get(1).remotePort());
        assertEquals(List.of(), ProcNetTcpSocketsParser.parse(Fixtures.read(SUDO + "/proc/2596/net/tcp6")), "a header alone");
        assertEquals(OptionalLong.of(204599), ProcNetTcpSocketsParser.socketInode("socket:[204599]"));
        assertEquals(OptionalLong.empty(), ProcNetTcpSocketsParser.socketInode("pipe:[203762]"));
        assertEquals(OptionalLong.empty(), ProcNetTcpSocketsParser.socketInode("/tmp/socket:[1]"));
    }

    @Test
    void aDamagedRowIsSkippedNotMisread() {
        String row = "   2: 014E630A:08AE 024E630A:DD9F 01 00000000:00000000 02:000AFC1B 00000000     0        0 204599 2";
        assertEquals(1, ProcNetTcpSocketsParser.parse(row).size());
        assertEquals(List.of(), ProcNetTcpSocketsParser.parse(row.replace(":DD9F", ":FFFFF")), "a port over 65535");
        assertEquals(List.of(), ProcNetTcpSocketsParser.parse(row.replace(" 01 ", " 7F ")), "no such state");
        assertEquals(List.of(), ProcNetTcpSocketsParser.parse(row.replace("204599", "-1")));
    }

    @Test
    void fromTheShellUnderSudoUpToSshdsSocket() throws IOException {
        FsRoot root = tree(SUDO);
        assertEquals(Optional.of(new OwnSession(IpPrefix.parse("10.99.78.2"), OptionalInt.of(56735), OptionalInt.of(2222),
                "the TCP socket of sshd process 2596")), SshSessionProbe.find(root, 2711));
    }

    @Test
    void overIpv6() throws IOException {
        OwnSession s = SshSessionProbe.find(tree(IPV6), 3147).orElseThrow();
        assertEquals(IpPrefix.parse("fd00:99:78::2"), s.peer());
        assertEquals(OptionalInt.of(2222), s.localPort());
    }

    @Test
    void theListenerAloneIsNoSessionAndAnUnreadableSessionGivesNone() throws IOException {
        FsRoot root = tree(SUDO);
        assertEquals(Optional.empty(), SshSessionProbe.find(root, 2513), "sshd's listening socket is no session");
        // without root another user's open files cannot be listed
        try (Stream<Path> fds = Files.list(root.resolve("/proc/2596/fd"))) {
            for (Path fd : fds.toList()) {
                Files.delete(fd);
            }
        }
        Files.delete(root.resolve("/proc/2596/fd"));
        assertEquals(Optional.empty(), SshSessionProbe.find(root, 2711));
        assertEquals(Optional.empty(), SshSessionProbe.find(root, 99999), "a process that is gone");
    }

    /** The capture's proc tree, with each process's fd links made from its {@code ls -l /proc/PID/fd}. */
    private FsRoot tree(String capture) throws IOException {
        Path src = Fixtures.path(capture);
        try (Stream<Path> files = Files.walk(src.resolve("proc"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = tmp.resolve(src.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        try (Stream<Path> listings = Files.list(src.resolve("cmd"))) {
            for (Path l : listings.toList()) {
                String pid = l.getFileName().toString().replaceAll("ls-l-proc-(\\d+)-fd\\.txt", "$1");
                Path fd = Files.createDirectories(tmp.resolve("proc/" + pid + "/fd"));
                for (String line : Files.readAllLines(l)) {
                    String[] f = line.split("\\s+");
                    if (f.length == 11 && f[9].equals("->")) {
                        Files.createSymbolicLink(fd.resolve(f[8]), Path.of(f[10]));
                    }
                }
                try (Stream<Path> made = Files.list(fd)) {
                    assertTrue(made.findAny().isPresent(), "links made for " + pid);
                }
            }
        }
        return new FsRoot(tmp);
    }
}
