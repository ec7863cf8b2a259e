package syntop.collectors.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.LivePipeline;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.os.freebsd.FreeBsdPlatform;
import syntop.collectors.os.linux.LinuxPlatform;
import syntop.collectors.os.macos.MacOsPlatform;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.Sampler;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.RawOutput;

/** Sampler, clock and canned outputs for recording tests: every OS's sources from the captured fixtures. */
final class Kit {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    /** A clock tests move by hand. */
    static final class ManualClock extends Clock {
        volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    /** Answers argv with canned results; unknown argv is "command not found". */
    static final class Runner implements CommandRunner {
        final Map<List<String>, CommandResult> answers = new HashMap<>();

        Runner file(List<String> argv, String fixture, Duration took) {
            try {
                answers.put(argv, new CommandResult(argv, RawOutput.Outcome.COMPLETED,
                        Files.readAllBytes(FIXTURES.resolve(fixture)), "", 0, false, took, ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Runner result(List<String> argv, RawOutput.Outcome outcome, String stdout, String stderr, int exit, Duration took,
                      String detail) {
            answers.put(argv, new CommandResult(argv, outcome, stdout.getBytes(StandardCharsets.UTF_8), stderr, exit,
                    false, took, detail));
            return this;
        }

        @Override
        public synchronized CommandResult run(List<String> argv, Duration timeout, long maxOutputBytes) {
            CommandResult r = answers.get(argv);
            return r != null ? r : new CommandResult(argv, RawOutput.Outcome.NOT_FOUND, new byte[0], "", -1, false,
                    Duration.ZERO, argv.get(0) + ": command not found");
        }
    }

    /** One OS's platform with its sources answered from fixtures. */
    record Setup(Platform platform, Acquirer acquirer) {
    }

    static Setup linux() {
        Runner r = new Runner().file(List.of("ss", "-ltnp"), "linux/6.18-lab-synflood/cmd/ss-ltn.txt", Duration.ofMillis(4));
        FsRoot root = new FsRoot(FIXTURES.resolve("linux/6.18-lab-synflood"));
        return new Setup(new LinuxPlatform(new HostInfo("lab", OsFamily.LINUX, "Linux 6.18.44")), new Acquirer(r, root));
    }

    static Setup macos() {
        Runner r = new Runner()
                .file(MacOsPlatform.NETSTAT_STATS, "macos/synthetic-netstat-s-726/cmd/netstat-s-p-tcp.txt", Duration.ofMillis(9))
                .file(MacOsPlatform.NETSTAT_LISTEN, "macos/synthetic-netstat-aLn-730/cmd/netstat-aLn.txt", Duration.ofMillis(7))
                // slower than its budget: backs off, so some ticks do not poll it
                .file(MacOsPlatform.NETSTAT_CONNECTIONS, "macos/synthetic-netstat-an-synrcvd/cmd/netstat-an-p-tcp.txt",
                        Duration.ofMillis(1500))
                .result(MacOsPlatform.PFCTL_INFO, RawOutput.Outcome.COMPLETED, "",
                        "pfctl: /dev/pf: Permission denied\n", 1, Duration.ofMillis(3), "")
                .result(MacOsPlatform.PFCTL_MEMORY, RawOutput.Outcome.TIMEOUT, "", "", -1, Duration.ofSeconds(2),
                        "pfctl: no answer within 2 s, killed")
                .file(MacOsPlatform.SYSCTL, "macos/10.14.6-jc/cmd/sysctl-net.inet.tcp.txt", Duration.ofMillis(5));
        return new Setup(new MacOsPlatform(new HostInfo("mac", OsFamily.MACOS, "macOS 14.5")),
                new Acquirer(r, new FsRoot(Path.of("/nonexistent"))));
    }

    static Setup freebsd() {
        Runner r = new Runner()
                .file(FreeBsdPlatform.NETSTAT_STATS, "freebsd/synthetic-netstat-s-14/cmd/netstat-s-p-tcp.txt", Duration.ofMillis(9))
                .file(FreeBsdPlatform.NETSTAT_LISTEN, "freebsd/synthetic-netstat-Lan-14/cmd/netstat-Lan.txt", Duration.ofMillis(6))
                .file(FreeBsdPlatform.NETSTAT_CONNECTIONS, "freebsd/synthetic-netstat-an-synrcvd/cmd/netstat-an-p-tcp.txt",
                        Duration.ofMillis(20))
                .file(FreeBsdPlatform.PFCTL_INFO, "freebsd/synthetic-pfctl-vsi-14/cmd/pfctl-vsi.txt", Duration.ofMillis(4))
                .file(FreeBsdPlatform.PFCTL_MEMORY, "freebsd/synthetic-pfctl-sm/cmd/pfctl-sm.txt", Duration.ofMillis(4))
                .file(FreeBsdPlatform.SYSCTL, "freebsd/12.1-jc/cmd/sysctl-net.inet.tcp.txt", Duration.ofMillis(5));
        return new Setup(new FreeBsdPlatform(new HostInfo("bsd", OsFamily.FREEBSD, "FreeBSD 14.1-RELEASE")),
                new Acquirer(r, new FsRoot(Path.of("/nonexistent"))));
    }

    /** Samples {@code ticks} times, a second apart, recording to {@code file}; returns the live snapshots. */
    static List<Snapshot> record(Setup s, Path file, int ticks, long rawLimit, int rawEvery, RecordWriter.Limits limits,
                                 List<String> said) throws IOException {
        ManualClock clock = new ManualClock();
        AtomicLong mono = new AtomicLong(5_000_000_000L);
        Duration interval = Duration.ofSeconds(1);
        RecordWriter w = new RecordWriter(file, limits,
                RecordingHeader.of(s.platform(), "syntop test", 42L, clock.instant(), interval, rawLimit, rawEvery),
                RecordWriter.files(), clock, said::add);
        w.start();
        TickRecorder rec = new TickRecorder(s.platform(), w, rawLimit, rawEvery);
        List<Snapshot> live = new ArrayList<>();
        try (LivePipeline sampler = new LivePipeline(new Sampler(s.platform(), s.acquirer(), clock, mono::get, interval),
                Thresholds.defaults())) {
            sampler.addListener(rec);
            for (int i = 0; i < ticks; i++) {
                live.add(sampler.next().snapshot());
                clock.advance(interval);
                mono.addAndGet(interval.toNanos());
                // the recorder queues; let its thread keep up so no tick is dropped
                for (int k = 0; k < 200 && rec.status().written() < i + 1; k++) {
                    sleep(5);
                }
            }
        }
        rec.close("test done", Duration.ofSeconds(10));
        return live;
    }

    /** {@code ticks} Linux samples recorded to {@code file} with the default limits, opened again. */
    static Recording recorded(Path file, int ticks) throws IOException {
        record(linux(), file, ticks, TickRecorder.DEFAULT_RAW_TABLE_LIMIT, 300, RecordWriter.Limits.defaults(), new ArrayList<>());
        return Recording.open(file);
    }

    /** Every tick of the recording, in order. */
    static List<TickRecord> ticks(Recording r) {
        List<TickRecord> ticks = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            ticks.add(r.tick(i));
        }
        return ticks;
    }

    /**
     * {@code t} with each source it did not poll taken from the same place in {@code earlier}, as the
     * first tick of a file is written.
     */
    static TickRecord carrying(TickRecord t, TickRecord earlier) {
        List<TickRecord.SourceEntry> entries = new ArrayList<>();
        for (int i = 0; i < t.sources().size(); i++) {
            TickRecord.SourceEntry e = t.sources().get(i);
            TickRecord.SourceEntry before = earlier.sources().get(i);
            entries.add(e instanceof TickRecord.NotPolled && !(before instanceof TickRecord.NotPolled) ? before : e);
        }
        return new TickRecord(t.at(), t.monoNanos(), entries, t.snapshot(), t.verdicts());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A sink in memory that says "No space left on device" past {@code capacity} bytes, after writing what fits. */
    static final class SmallDisk implements RecordWriter.Sink {
        byte[] data = new byte[0];
        long capacity;
        int writes;

        SmallDisk(long capacity) {
            this.capacity = capacity;
        }

        @Override
        public long size() {
            return data.length;
        }

        @Override
        public void write(ByteBuffer b) throws IOException {
            writes++;
            long room = Math.max(0, capacity - data.length);
            int n = (int) Math.min(room, b.remaining());
            byte[] grown = java.util.Arrays.copyOf(data, data.length + n);
            b.get(grown, data.length, n);
            data = grown;
            if (b.hasRemaining()) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public void truncate(long size) {
            if (size < data.length) {
                data = java.util.Arrays.copyOf(data, (int) size);
            }
        }

        @Override
        public void force() {
        }

        @Override
        public void close() {
        }
    }
}
