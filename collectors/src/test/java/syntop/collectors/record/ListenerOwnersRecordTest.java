package syntop.collectors.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.detect.Thresholds;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.ProcessOwner;
import syntop.collectors.model.Snapshot;
import syntop.collectors.os.bsd.OwnerSources;
import syntop.collectors.os.freebsd.FreeBsdPlatform;
import syntop.collectors.os.linux.LinuxPlatform;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.FsRoot;

/** Each listener's owner, user included, is recorded and comes back in replay. */
class ListenerOwnersRecordTest {
    private static final String USERS = "linux/6.18-ss-ltnp-users/";

    @TempDir
    Path tmp;

    private static ListenQueue port(Snapshot s, int port) {
        return s.listeners().stream().filter(q -> q.port() == port).findFirst().orElseThrow(() ->
                new AssertionError("no listener on :" + port + " in " + s.listeners()));
    }

    /** ss -ltnp as captured, and the process's status and the passwd file under a root of their own. */
    private Kit.Setup linux() throws IOException {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("proc/32395"));
        Files.createDirectories(root.resolve("etc"));
        Files.copy(Kit.FIXTURES.resolve(USERS + "proc-32395-status.txt"), root.resolve("proc/32395/status"));
        Files.copy(Kit.FIXTURES.resolve(USERS + "etc-passwd.txt"), root.resolve("etc/passwd"));
        Kit.Runner r = new Kit.Runner().file(List.of("ss", "-ltnp"), USERS + "ss-ltnp.txt", Duration.ofMillis(4));
        return new Kit.Setup(new LinuxPlatform(new HostInfo("host", OsFamily.LINUX, "Linux 6.18.44")),
                new Acquirer(r, new FsRoot(root)));
    }

    @Test
    void aLinuxOwnerAndItsUserComeBackInReplayAndInTheStoredSnapshot() throws IOException {
        Path file = tmp.resolve("owners.syntop");
        List<String> said = new ArrayList<>();
        List<Snapshot> live = Kit.record(linux(), file, 3, TickRecorder.DEFAULT_RAW_TABLE_LIMIT,
                TickRecorder.DEFAULT_RAW_TABLE_EVERY, RecordWriter.Limits.defaults(), said);
        Optional<ProcessOwner> owner = Optional.of(ProcessOwner.of(32395, "python3", "nobody"));
        assertEquals(owner, port(live.get(2), 47124).process(), "live");

        Recording r = Recording.open(file);
        assertEquals(RecordingFormat.VERSION, r.header().formatVersion());
        assertEquals(owner, port(r.tick(2).snapshot(), 47124).process(), "the snapshot as stored");
        Replay replay = new Replay(List.of(r), Thresholds.defaults());
        Snapshot replayed = replay.seek(2).snapshot();
        assertEquals(owner, port(replayed, 47124).process(), "parsed again from the raw outputs");
        assertEquals(Optional.of(ProcessOwner.notVisible()), port(replayed, 2024).process());
    }

    @Test
    void aParsedOnlyReadingKeepsItsOwners() throws IOException {
        // a raw limit of 0 keeps every output parsed only after its first poll
        Path file = tmp.resolve("parsed.syntop");
        Kit.record(linux(), file, 12, 0, 1_000, RecordWriter.Limits.defaults(), new ArrayList<>());
        Recording r = Recording.open(file);
        boolean parsedOnly = false;
        for (int i = 0; i < r.size(); i++) {
            for (TickRecord.SourceEntry e : r.tick(i).sources()) {
                if (e instanceof TickRecord.ParsedOnly p && p.id().equals(LinuxPlatform.SS_LISTEN)) {
                    parsedOnly = true;
                    assertEquals(Optional.of(ProcessOwner.of(32395, "python3", "nobody")), p.reading().listeners()
                            .stream().filter(q -> q.port() == 47124).findFirst().orElseThrow().process());
                }
            }
        }
        assertTrue(parsedOnly, "ss -ltnp was kept parsed only at some tick");
        assertEquals(Optional.of(ProcessOwner.of(32395, "python3", "nobody")),
                port(new Replay(List.of(r), Thresholds.defaults()).seek(r.size() - 1).snapshot(), 47124).process());
    }

    @Test
    void aFreeBsdOwnerFromSockstatComesBackInReplay() throws IOException {
        Kit.Setup bsd = Kit.freebsd();
        Kit.Runner runner = new Kit.Runner()
                .file(FreeBsdPlatform.NETSTAT_LISTEN, "freebsd/synthetic-netstat-Lan-14/cmd/netstat-Lan.txt",
                        Duration.ofMillis(6))
                .file(OwnerSources.SOCKSTAT, "freebsd/synthetic-sockstat-l-P-tcp-13/cmd/sockstat-l-P-tcp.txt",
                        Duration.ofMillis(8));
        Path file = tmp.resolve("bsd.syntop");
        Kit.record(new Kit.Setup(bsd.platform(), new Acquirer(runner, new FsRoot(tmp))), file, 3,
                TickRecorder.DEFAULT_RAW_TABLE_LIMIT, TickRecorder.DEFAULT_RAW_TABLE_EVERY,
                RecordWriter.Limits.defaults(), new ArrayList<>());
        Snapshot replayed = new Replay(List.of(Recording.open(file)), Thresholds.defaults()).seek(2).snapshot();
        assertEquals(Optional.of(ProcessOwner.of(655, "cupsd", "root")), port(replayed, 631).process());
        assertEquals("owner: " + syntop.collectors.os.bsd.SockstatParser.UNNAMED, port(replayed, 53).process()
                .orElseThrow().label());
    }
}
