package syntop.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import syntop.collectors.judge.LivePipeline;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.Sampler;
import syntop.collectors.os.linux.LinuxPlatform;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.RawOutput;

/** The loop samples on its own schedule; scraping, however often, never makes it poll. */
class SamplingLoopTest {
    private static final Path LAB = FixtureSnapshots.ROOT.resolve("linux/6.18-lab-synflood-ss");

    /** The platform's one command ({@code ss}) answered from the capture, counting how often it is run. */
    static final class CountingRunner implements CommandRunner {
        final AtomicLong runs = new AtomicLong();

        @Override
        public CommandResult run(List<String> argv, Duration timeout, long maxOutputBytes) {
            runs.incrementAndGet();
            try {
                String id = argv.contains("-ltnp") ? LinuxPlatform.SS_LISTEN : LinuxPlatform.SS_STATES;
                return new CommandResult(argv, RawOutput.Outcome.COMPLETED, Files.readAllBytes(LAB.resolve("cmd/" + id + ".txt")),
                        "", 0, false, Duration.ofMillis(1), "");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void scrapesReadTheLatestSnapshotAndNeverPoll() throws Exception {
        Platform linux = new LinuxPlatform(new HostInfo("lab", OsFamily.LINUX, "Linux 6.18"));
        CountingRunner runner = new CountingRunner();
        Duration interval = Duration.ofMillis(200);
        Sampler sampler = new Sampler(linux, new Acquirer(runner, new FsRoot(LAB)), Clock.systemUTC(), System::nanoTime,
                interval);
        ExporterState state = new ExporterState(FixtureSnapshots.BUILD, linux.host(), 0.2, 100);
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        try (SamplingLoop loop = new SamplingLoop(new LivePipeline(sampler, Thresholds.defaults()), state, interval,
                new PrintWriter(err)).start();
             ExporterServer server = ExporterServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     state.registry(), WebConfig.NONE)) {
            String body = "";
            for (int i = 0; i < 100; i++) {
                body = Http.get(server.metricsUrl()).body();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long samples = value(body, "syntop_samples_total");
            // the connection table is read by ss or, while it is small, from /proc/net/tcp
            long polls = value(body, "syntop_source_poll_duration_seconds_count\\{source=\"ss-tan-states\"}")
                    + valueOrZero(body, "syntop_source_poll_duration_seconds_count\\{source=\"proc-net-tcp\"}");
            assertTrue(polls <= samples && polls >= samples / 2, polls + " table reads for " + samples + " samples");
            assertTrue(runner.runs.get() <= seconds / 0.2 + 2, runner.runs.get() + " polls in " + seconds + " s");
            assertTrue(samples >= 1, body);
            assertTrue(body.contains("syntop_tcp_connections{state=\"syn_rcvd\"} 129.0"), body);
            assertTrue(body.contains("syntop_listener_queue_limit{address=\"10.99.0.2\",port=\"8080\"} 128.0"), body);
        }
        long after = runner.runs.get();
        Thread.sleep(500);
        assertEquals(after, runner.runs.get(), "the loop stopped when closed");
        assertEquals("", err.toString());
    }

    private static long valueOrZero(String body, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.E]+)$").matcher(body);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private static long value(String body, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.E]+)$").matcher(body);
        assertTrue(m.find(), series + " missing in\n" + body);
        return (long) Double.parseDouble(m.group(1));
    }
}
