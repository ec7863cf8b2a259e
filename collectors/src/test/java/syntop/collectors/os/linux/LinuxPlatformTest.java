package syntop.collectors.os.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import syntop.collectors.Fixtures;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;
import syntop.collectors.platform.SnapshotAssembler;
import syntop.collectors.platform.SourceEvaluation;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.Source;

class LinuxPlatformTest {
    private static final String CAPTURE = "linux/6.18-lab-synflood-ss";
    private final LinuxPlatform platform = new LinuxPlatform(new HostInfo("lab", OsFamily.LINUX, "Linux 6.18"));

    /** One tick of the capture through every live source of the platform, as the sampler does it. */
    private Snapshot tick() {
        Acquirer acquirer = new Acquirer((argv, timeout, max) -> {
            String id = platform.sources().stream()
                    .filter(s -> s.acquisition() instanceof Acquisition.Command c && c.argv().equals(argv))
                    .findFirst().orElseThrow().id();
            try {
                byte[] out = Files.readAllBytes(Fixtures.path(CAPTURE).resolve("cmd/" + id + ".txt"));
                return new CommandResult(argv, RawOutput.Outcome.COMPLETED, out, "", 0, false, Duration.ZERO, "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, new FsRoot(Fixtures.path(CAPTURE)));
        List<SnapshotAssembler.Contribution> parts = new ArrayList<>();
        for (Source s : platform.sources()) {
            SourceResult r = SourceEvaluation.evaluate(s, acquirer.acquire(s), Duration.ofSeconds(1));
            parts.add(new SnapshotAssembler.Contribution(r.parsed().value(), r.status()));
        }
        return platform.complete(SnapshotAssembler.assemble(Instant.EPOCH, 0, platform.host(), parts));
    }

    @Test
    void statesAgreeWithSsTanTakenAtTheSameMoment() {
        // ss -tan at capture time: 17 ESTAB, 2 LISTEN, 129 SYN-RECV, 1 TIME-WAIT
        Snapshot s = tick();
        assertEquals(17, s.states().get(TcpState.ESTABLISHED));
        assertEquals(2, s.states().get(TcpState.LISTEN));
        assertEquals(129, s.states().get(TcpState.SYN_RCVD));
        assertEquals(1, s.states().get(TcpState.TIME_WAIT));
        assertEquals(149, s.states().total());
    }

    @Test
    void listenersCarryLimitAcceptQueueAndSynQueue() {
        Snapshot s = tick();
        ListenQueue flooded = s.listeners().stream().filter(q -> q.port() == 8080).findFirst().orElseThrow();
        assertEquals(OptionalLong.of(129), flooded.synQueue());
        assertEquals(OptionalLong.of(128), flooded.limit());
        ListenQueue full = s.listeners().stream().filter(q -> q.port() == 8081).findFirst().orElseThrow();
        assertEquals(17, full.acceptQueue());
        assertEquals(OptionalLong.of(0), full.synQueue());
        assertTrue(s.sources().values().stream().allMatch(st -> st.isOk()), s.sources().toString());
    }

    @Test
    void theWholeTableAndSsLtnAreParsedFromSavedOutputsButNotPolled() {
        for (String id : List.of(LinuxPlatform.TCP_TABLE, LinuxPlatform.SS_LISTEN)) {
            assertTrue(platform.sources().stream().noneMatch(src -> src.id().equals(id)), id);
            assertTrue(platform.source(id).isPresent(), id);
        }
        assertEquals(1, platform.sources().stream().filter(src -> src.acquisition() instanceof Acquisition.Command).count(),
                "one fork a tick");
    }
}
