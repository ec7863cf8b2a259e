package syntop.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static syntop.collectors.Fixtures.assertGolden;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.Judge;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;

/**
 * The exposition of fixture-derived snapshots of each OS: against golden files (rewrite them with
 * {@code -Dsyntop.updateGoldens=true} and review the diff) and through {@code promtool check metrics}.
 */
class ExpositionTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @EnumSource(OsFamily.class)
    void prometheusTextMatchesItsGolden(OsFamily os) throws IOException {
        assertGolden(GOLDEN.resolve(os.token() + ".prom"), Expositions.text(FixtureSnapshots.state(os, 100).registry()));
    }

    @Test
    void openMetricsMatchesItsGoldenAndEnds() throws IOException {
        String om = Expositions.openMetrics(FixtureSnapshots.state(OsFamily.LINUX, 1).registry());
        assertTrue(om.endsWith("# EOF\n"), om);
        assertGolden(GOLDEN.resolve("linux-max-listeners-1.om.txt"), om);
    }

    @ParameterizedTest
    @EnumSource(OsFamily.class)
    void promtoolAcceptsTheExposition(OsFamily os) throws Exception {
        Path promtool = Tools.promtool();
        String text = Expositions.text(FixtureSnapshots.state(os, 100).registry());
        Tools.Run r = Tools.run(List.of(promtool.toString(), "check", "metrics"), text, null);
        assertEquals(0, r.exit(), "promtool check metrics:\n" + r.output());
        assertEquals("", r.output().strip(), "promtool has lint remarks:\n" + r.output());
    }

    @ParameterizedTest
    @EnumSource(OsFamily.class)
    void everyNameIsSyntopsAndNoLabelCarriesARemoteAddress(OsFamily os) {
        String text = Expositions.text(FixtureSnapshots.state(os, 100).registry());
        Pattern sample = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? .*$", Pattern.MULTILINE);
        Matcher m = sample.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
            assertTrue(m.group(1).startsWith("syntop_"), m.group());
            String labels = Optional.ofNullable(m.group(3)).orElse("");
            for (String forbidden : List.of("remote", "peer", "foreign", "src", "client")) {
                assertFalse(labels.contains(forbidden + "="), m.group());
            }
        }
        assertTrue(n > 50, "only " + n + " samples");
    }

    @Test
    void beforeTheFirstSampleOnlyWhatIsKnownIsShown() {
        ExporterState s = new ExporterState(FixtureSnapshots.BUILD, new HostInfo("h", OsFamily.LINUX, "Linux 6"), 1, 100);
        PrometheusRegistry r = s.registry();
        String text = Expositions.text(r);
        assertTrue(text.contains("syntop_build_info{java_version=\"17\",version=\"0.1.0-test\"} 1"), text);
        assertTrue(text.contains("syntop_samples_total 0.0"), text);
        assertFalse(text.contains("syntop_tcp_connections"), text);
    }

    @Test
    void aScrapeSeesEachNewSnapshotAndReusesTheBuiltMetricsBetweenThem() {
        JudgedTick c = FixtureSnapshots.capture(OsFamily.LINUX);
        ExporterState s = new ExporterState(FixtureSnapshots.BUILD, c.snapshot().host(), 1, 100);
        s.publish(new Judge(Thresholds.defaults()).add(FixtureSnapshots.scaled(c.snapshot(), 0.5, 4)));
        var first = s.registry().scrape();
        assertTrue(Expositions.text(s.registry()).contains("syntop_listen_drops_total 182.0"));
        s.publish(c);
        String second = Expositions.text(s.registry());
        assertTrue(second.contains("syntop_listen_drops_total 363.0"), second);
        assertTrue(second.contains("syntop_samples_total 6.0"), second);
        assertTrue(second.contains("syntop_verdict_active{kind=\"syn_flood\",port=\"8080\",severity=\"critical\"} 1.0"),
                second);
        assertFalse(first.size() == 0);
    }
}
