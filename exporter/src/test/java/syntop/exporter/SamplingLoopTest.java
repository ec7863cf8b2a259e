package syntop.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import syntop.collectors.CapturedCommands;
import syntop.collectors.Fixtures;
import syntop.collectors.judge.LivePipeline;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.Sampler;
import syntop.collectors.os.linux.LinuxPlatform;

/** The loop samples on its own schedule; scraping, however often, never makes it poll. */
class SamplingLoopTest {
    private static final Path LAB = Fixtures.onClassPath("linux/6.18-lab-synflood-ss");

    @Test
    void scrapesReadTheLatestSnapshotAndNeverPoll() throws Exception {
        Platform linux = new LinuxPlatform(new HostInfo("lab", OsFamily.LINUX, "Linux 6.18"));
        CapturedCommands runner = new CapturedCommands(linux, LAB);
        Duration interval = Duration.ofMillis(200);
        Sampler sampler = new Sampler(linux, runner.acquirer(), Clock.systemUTC(), System::nanoTime,
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
            assertTrue(runner.runs() <= seconds / 0.2 + 2, runner.runs() + " polls in " + seconds + " s");
            assertTrue(samples >= 1, body);
            assertTrue(body.contains("syntop_tcp_connections{state=\"syn_rcvd\"} 129.0"), body);
            assertTrue(body.contains("syntop_listener_queue_limit{address=\"10.99.0.2\",port=\"8080\"} 128.0"), body);
        }
        long after = runner.runs();
        Thread.sleep(500);
        assertEquals(after, runner.runs(), "the loop stopped when closed");
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
