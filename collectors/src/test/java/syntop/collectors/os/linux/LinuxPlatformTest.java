package syntop.collectors.os.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import syntop.collectors.CapturedCommands;
import syntop.collectors.Fixtures;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.LivePipeline;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.Counters;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.StateCounts;
import syntop.collectors.model.TcpState;
import syntop.collectors.platform.Sampler;
import syntop.collectors.platform.SnapshotMerge;
import syntop.collectors.platform.SourceEvaluation;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.Source;

class LinuxPlatformTest {
    private static final String CAPTURE = "linux/6.18-lab-synflood-ss";
    private final LinuxPlatform platform = new LinuxPlatform(new HostInfo("lab", OsFamily.LINUX, "Linux 6.18"));

    /** One tick of the capture through every live source of the platform, as the sampler does it. */
    private Snapshot tick() {
        Acquirer acquirer = new CapturedCommands(platform, Fixtures.path(CAPTURE)).acquirer();
        List<SnapshotMerge.Contribution> parts = new ArrayList<>();
        for (Source s : platform.sources()) {
            SourceResult r = SourceEvaluation.evaluate(s, acquirer.acquire(s), Duration.ofSeconds(1));
            parts.add(new SnapshotMerge.Contribution(r.parsed().value(), r.status()));
        }
        return platform.complete(SnapshotMerge.merge(Instant.EPOCH, 0, platform.host(), parts));
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
        assertTrue(s.sources().values().stream().allMatch(st -> st.isOk() || lacksKmsg(st)), s.sources().toString());
    }

    @Test
    void aSmallTableIsReadFromProcWithoutAForkAndShowsWhatSsShowed() {
        CapturedCommands forked = new CapturedCommands(platform, Fixtures.path(CAPTURE));
        long[] nanos = {0};
        try (LivePipeline sampler = new LivePipeline(new Sampler(platform, forked.acquirer(),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), () -> nanos[0], Duration.ofSeconds(1)), Thresholds.defaults())) {
            Snapshot first = sampler.next().snapshot();
            assertEquals(List.of(LinuxPlatform.SS_LISTEN, LinuxPlatform.SS_STATES), forked.ran().stream().sorted().toList(),
                    "nothing known yet: the ss dump, and the listeners' limits");
            nanos[0] += 1_000_000_000L;
            Snapshot second = sampler.next().snapshot();
            assertEquals(2, forked.runs(), "60 sockets allocated and 1 in TIME_WAIT: no fork on the second tick");
            assertTrue(second.sources().containsKey(LinuxPlatform.TCP_TABLE), second.sources().keySet().toString());
            assertTrue(second.sources().values().stream().allMatch(st -> st.isOk() || lacksKmsg(st)), second.sources().toString());
            assertEquals(first.states(), second.states());
            // the same remotes; /proc also names TIME_WAIT's, which ss skips in the kernel
            first.remotes().forEach((state, top) -> assertEquals(top, second.remotes().get(state), state.name()));
            assertEquals(first.listeners(), second.listeners(), "limits from ss -ltn, queues from /proc/net/tcp");
        }
    }

    @Test
    void theTableSizeChoosesHowToReadIt() {
        assertTrue(LinuxPlatform.tableIsSmall(sockstat(1_000, 999)));
        assertFalse(LinuxPlatform.tableIsSmall(sockstat(1_000, 1_000)), "2,000 sockets: ss");
        assertFalse(LinuxPlatform.tableIsSmall(sockstat(60, 100_000)), "a TIME_WAIT pile-up: ss");
        Source ss = platform.sources().get(0);
        assertEquals(LinuxPlatform.SS_STATES, ss.id());
        assertEquals(LinuxPlatform.TCP_TABLE, platform.standIn(ss).orElseThrow().source().id());
        assertTrue(platform.source(LinuxPlatform.TCP_TABLE).isPresent(), "its saved outputs replay");
        assertEquals(2, platform.sources().stream().filter(src -> src.acquisition() instanceof Acquisition.Command).count(),
                "the ss dump each tick, ss -ltn every 10 s");
    }

    private Snapshot sockstat(long alloc, long tw) {
        Counters c = Counters.builder().raw("sockstat.TCP.alloc", alloc).put(CounterId.SOCKETS_TIME_WAIT, tw).build();
        return new Snapshot(Instant.EPOCH, 0, platform.host(), Map.of(), StateCounts.empty(), c, List.of(), Map.of(),
                Map.of());
    }

    /** The capture has no kernel log (it predates the source), and that source is optional. */
    private static boolean lacksKmsg(SourceStatus st) {
        return st.id().equals(LinuxPlatform.KMSG) && !st.isFailure();
    }
}
