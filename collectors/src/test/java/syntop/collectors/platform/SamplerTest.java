package syntop.collectors.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.LivePipeline;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.model.TcpState;
import syntop.collectors.os.linux.SockstatParser;
import syntop.collectors.os.linux.SsListenParser;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.Source;

class SamplerTest {
    /** Answers each argv with canned output and a pretended duration; records what was run. */
    static final class FakeRunner implements CommandRunner {
        final List<List<String>> ran = new ArrayList<>();
        Duration tableTook = Duration.ofMillis(5);
        boolean tableOverTheCap;

        @Override
        public synchronized CommandResult run(List<String> argv, Duration timeout, long maxOutputBytes) {
            ran.add(argv);
            if (argv.get(0).equals("table") && tableOverTheCap) {
                return new CommandResult(argv, RawOutput.Outcome.TOO_LARGE, new byte[0], "", -1, true, tableTook,
                        "table: output over the cap of 12 MiB (the most syntop reads with this heap), stopped and not read");
            }
            if (argv.get(0).equals("table") || argv.get(0).equals("small-table")) {
                return new CommandResult(argv, RawOutput.Outcome.COMPLETED,
                        "State Recv-Q Send-Q Local Address:Port Peer Address:Port\nLISTEN 3 128 0.0.0.0:80 0.0.0.0:*\n"
                                .getBytes(), "", 0, false, tableTook, "");
            }
            if (argv.get(0).equals("missing")) {
                return new CommandResult(argv, RawOutput.Outcome.NOT_FOUND, new byte[0], "", -1, false, Duration.ZERO,
                        "missing: command not found");
            }
            return new CommandResult(argv, RawOutput.Outcome.COMPLETED, "TCP: inuse 7 orphan 0 tw 3\n".getBytes(), "", 0,
                    false, Duration.ofMillis(1), "");
        }

        synchronized long count(String program) {
            return ran.stream().filter(a -> a.get(0).equals(program)).count();
        }
    }

    static class FakePlatform implements Platform {
        final List<Source> sources = List.of(
                new Source("table", Acquisition.command("table"), t -> SsListenParser.parse(t.lines()),
                        Duration.ofMillis(300), Source.Cost.TABLE),
                new Source("counters", Acquisition.command("counters"), t -> SockstatParser.parse(t.lines()),
                        Duration.ofMillis(300), Source.Cost.CHEAP),
                new Source("missing", Acquisition.command("missing"), t -> SockstatParser.parse(t.lines()),
                        Duration.ofMillis(300), Source.Cost.CHEAP, true));

        @Override
        public OsFamily os() {
            return OsFamily.LINUX;
        }

        @Override
        public HostInfo host() {
            return new HostInfo("test", OsFamily.LINUX, "Linux test");
        }

        @Override
        public List<Source> sources() {
            return sources;
        }
    }

    private final FakeRunner runner = new FakeRunner();
    private final AtomicLong mono = new AtomicLong();
    private final LivePipeline sampler = new LivePipeline(new Sampler(new FakePlatform(),
            new Acquirer(runner, new FsRoot(Path.of("/nonexistent"))), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), mono::get,
            Duration.ofSeconds(1)), Thresholds.defaults());

    private Snapshot tick() {
        Snapshot s = sampler.next().snapshot();
        mono.addAndGet(Duration.ofSeconds(1).toNanos());
        return s;
    }

    @Test
    void everySourceContributesAndKeepsItsStatus() {
        Snapshot s = tick();
        assertEquals(3, s.listeners().get(0).acceptQueue());
        assertEquals(SourceHealth.OK, s.sources().get("counters").health());
        assertEquals(SourceHealth.UNAVAILABLE, s.sources().get("missing").health());
        assertEquals("missing: command not found", s.sources().get("missing").detail());
        assertTrue(!s.anySourceFailed(), "an optional source being absent is not a failure");
        assertEquals(List.of("table", "counters", "missing"), List.copyOf(s.sources().keySet()));
        assertEquals(0, s.states().get(TcpState.LISTEN), "no source counted states");
    }

    @Test
    void aSlowTableSourceBacksOffAndIsMarkedStaleWithTheReason() {
        runner.tableTook = Duration.ofMillis(1800);
        assertEquals(Duration.ofSeconds(1), tick().sources().get("table").every(),
                "the first poll pays for start-up: it is not taken as the source's cost");
        assertEquals(Duration.ofSeconds(30), tick().sources().get("table").every(),
                "1.8 s is 2 % of 90 s: the longest wait, 30 s");
        Snapshot third = tick();
        assertEquals(SourceHealth.STALE, third.sources().get("table").health());
        assertEquals("polled every 30 s: took 1.8 s", third.sources().get("table").detail());
        assertEquals(3, third.listeners().get(0).acceptQueue(), "the last reading is still shown");
        for (int i = 0; i < 9; i++) {
            tick();
        }
        assertEquals(12, runner.count("counters"), "cheap sources stay at the interval");
        assertEquals(2, runner.count("table"));
        runner.tableTook = Duration.ofMillis(5);
        for (int i = 0; i < 20; i++) {
            tick();
        }
        assertEquals(SourceHealth.OK, tick().sources().get("table").health());
        assertEquals(Duration.ofSeconds(1), sampler.next().snapshot().sources().get("table").every(), "back to the interval when fast");
    }

    @Test
    void anOutputOverTheCapIsSaidInWordsAndTriedLessAndLessOften() {
        runner.tableOverTheCap = true;
        Snapshot first = tick();
        SourceStatus table = first.sources().get("table");
        assertEquals(SourceHealth.UNAVAILABLE, table.health());
        assertTrue(table.detail().contains("output over the cap of 12 MiB"), table.detail());
        assertEquals(Duration.ofSeconds(2), table.every());
        SourceStatus between = tick().sources().get("table");
        assertEquals(SourceHealth.STALE, between.health());
        assertEquals("polled every 2 s; last poll: table: output over the cap of 12 MiB (the most syntop reads with "
                + "this heap), stopped and not read", between.detail());
        for (int i = 0; i < 59; i++) {
            tick();
        }
        assertEquals(Duration.ofSeconds(30), tick().sources().get("table").every());
        // polled at 0, 2, 6, 14, 30 and 60 s: not every tick, as before
        assertEquals(6, runner.count("table"));
        runner.tableOverTheCap = false;
        mono.addAndGet(Duration.ofSeconds(30).toNanos());
        assertEquals(SourceHealth.OK, tick().sources().get("table").health());
        assertEquals(Duration.ofSeconds(1), tick().sources().get("table").every(), "back to the interval once readable");
    }

    /**
     * A table source takes at most 2 % of the time: read every tick up to 20 ms a read (with its parse),
     * then less often (the costs are half an interval from a boundary, so the parse cannot tip them).
     */
    @Test
    void aTableSourceIsReadAsOftenAsItsCostAllows() {
        for (long ms : new long[] {5, 30, 70, 150}) {
            runner.tableTook = Duration.ofMillis(ms);
            SourceStatus table = tick().sources().get("table");
            for (int i = 0; i < 30 && table.health() == SourceHealth.STALE; i++) {
                table = tick().sources().get("table"); // until it is polled with this cost
            }
            long expected = Math.max(1, (long) Math.ceil(ms * 50 / 1000.0));
            assertEquals(Duration.ofSeconds(expected), table.every(), ms + " ms");
        }
    }

    /**
     * A stand-in is read only while the table is small; a slow read means the table grew meanwhile,
     * which the next tick finds out by reading it the usual way, so it sets no back-off.
     */
    @Test
    void aStandInTakesThePlaceOfItsSourceAndSetsNoBackOff() {
        AtomicBoolean small = new AtomicBoolean(true);
        Source smallTable = new Source("small-table", Acquisition.command("small-table"),
                t -> SsListenParser.parse(t.lines()), Duration.ofMillis(300), Source.Cost.TABLE);
        FakePlatform withStandIn = new FakePlatform() {
            @Override
            public Optional<StandIn> standIn(Source polled) {
                return polled.id().equals("table") ? Optional.of(new StandIn(smallTable, last -> small.get()))
                        : Optional.empty();
            }
        };
        try (LivePipeline s = new LivePipeline(new Sampler(withStandIn, new Acquirer(runner,
                new FsRoot(Path.of("/nonexistent"))), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), mono::get,
                Duration.ofSeconds(1)), Thresholds.defaults())) {
            s.next();
            assertEquals(1, runner.count("table"), "nothing known yet: the source itself");
            mono.addAndGet(1_000_000_000L);
            runner.tableTook = Duration.ofMillis(900);
            Snapshot second = s.next().snapshot();
            assertEquals(1, runner.count("small-table"));
            assertEquals(SourceHealth.OK, second.sources().get("small-table").health(), second.sources().toString());
            assertEquals(3, second.listeners().get(0).acceptQueue(), "the stand-in's reading fills the source's place");
            assertEquals(Duration.ofSeconds(1), second.sources().get("small-table").every());
            small.set(false);
            mono.addAndGet(1_000_000_000L);
            s.next();
            assertEquals(2, runner.count("table"), "read the usual way the next tick, and measured");
            mono.addAndGet(1_000_000_000L);
            assertEquals(SourceHealth.STALE, s.next().snapshot().sources().get("table").health(), "900 ms: every 30 s");
        }
    }

    @Test
    void listenersHearEveryTickWithThePolledResults() {
        List<Integer> polled = new ArrayList<>();
        sampler.addListener((tick, results) -> polled.add(results.size()));
        tick();
        tick();
        assertEquals(List.of(3, 3), polled);
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // a sampler that waited for the blocked read would hang here
    void aBackgroundSourceHoldsNoTickAfterItsFirstReadAndJoinsTheTickAfterItCame() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        CommandRunner slow = (argv, timeout, max) -> {
            if (runs.incrementAndGet() > 1) {
                try {
                    release.await(); // a slow lsof: the second read lasts until the test lets it end
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new CommandResult(argv, RawOutput.Outcome.COMPLETED, ("TCP: inuse " + runs.get() + " orphan 0 tw 3\n")
                    .getBytes(), "", 0, false, Duration.ofMillis(1), "");
        };
        Source owners = new Source("owners", Acquisition.command("owners"), t -> SockstatParser.parse(t.lines()),
                Duration.ofSeconds(5), Source.Cost.CHEAP).polledEvery(Duration.ofSeconds(5)).inBackground();
        Platform platform = new FakePlatform() {
            @Override
            public List<Source> sources() {
                return List.of(owners);
            }
        };
        try (Sampler s = new Sampler(platform, new Acquirer(slow, new FsRoot(Path.of("/nonexistent"))),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), mono::get, Duration.ofSeconds(1))) {
            assertEquals(1, s.poll(null).results().size(), "the first read is waited for");
            mono.addAndGet(Duration.ofSeconds(5).toNanos());
            // if the poll waited for the blocked read, this call would never return
            assertEquals(0, s.poll(null).results().size(), "started, not waited for");
            assertEquals(0, s.poll(null).results().size(), "still running: not read again, its last reading holds");
            release.countDown();
            Poll joined = null;
            for (int i = 0; i < 1_000 && joined == null; i++) {
                Poll p = s.poll(null);
                joined = p.results().isEmpty() ? null : p;
                Thread.sleep(1);
            }
            assertTrue(joined != null, "the read that ended joins a later tick");
            assertEquals(2, runs.get(), "read once more, not once per tick");
        }
    }
}
