package syntop.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.OsFamily;

/**
 * The files shipped under deploy/: the alert rules pass promtool's check and unit tests, every
 * query of the rules, their tests and the Grafana dashboard names only metrics syntop serve emits,
 * and the service files are well-formed.
 */
class DeployFilesTest {
    static final Path DEPLOY = Path.of("../deploy");
    static final Path RULES = DEPLOY.resolve("prometheus/syntop-rules.yml");
    static final Path RULES_TEST = DEPLOY.resolve("prometheus/syntop-rules.test.yml");
    static final Path DASHBOARD = DEPLOY.resolve("grafana/syntop-dashboard.json");

    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN", "atan2");

    @Test
    void promtoolChecksTheRules() throws Exception {
        Tools.Run r = Tools.run(List.of(Tools.promtool().toString(), "check", "rules", RULES.toString()), null, null);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("SUCCESS: 7 rules found"), r.output());
    }

    @Test
    void everyAlertFiresOnASyntheticSeriesAndStaysQuietOnACalmOne() throws Exception {
        Path promtool = Tools.promtool();
        String tests = Files.readString(RULES_TEST);
        for (String alert : alertNames()) {
            assertTrue(tests.contains("alertname: " + alert), alert + " has no promtool test");
        }
        Tools.Run r = Tools.run(List.of(promtool.toString(), "test", "rules", RULES_TEST.getFileName().toString()), null,
                RULES_TEST.getParent());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("SUCCESS"), r.output());
    }

    @Test
    void rulesAndTheirTestsNameOnlyEmittedMetrics() throws Exception {
        List<String> exprs = new ArrayList<>();
        List<String> lines = Files.readAllLines(RULES);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int at = l.indexOf("expr:");
            if (at < 0) {
                continue;
            }
            String v = l.substring(at + 5).strip();
            if (v.equals("|") || v.equals(">-") || v.equals("|-")) {
                StringBuilder b = new StringBuilder();
                int indent = at;
                while (i + 1 < lines.size() && (lines.get(i + 1).isBlank()
                        || lines.get(i + 1).length() - lines.get(i + 1).stripLeading().length() > indent)) {
                    b.append(lines.get(++i)).append('\n');
                }
                v = b.toString();
            }
            exprs.add(v);
        }
        assertEquals(7, exprs.size());
        assertOnlyEmitted(exprs, "rules");
        Matcher series = Pattern.compile("series: '([a-z_:][a-z0-9_:]*)\\{").matcher(Files.readString(RULES_TEST));
        List<String> names = new ArrayList<>();
        while (series.find()) {
            names.add(series.group(1));
        }
        assertTrue(names.size() > 10);
        assertOnlyEmitted(names, "rule tests");
    }

    @Test
    void theDashboardNamesOnlyEmittedMetrics() throws Exception {
        String json = Files.readString(DASHBOARD);
        Matcher m = Pattern.compile("\"(expr|query|definition)\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        List<String> exprs = new ArrayList<>();
        while (m.find()) {
            exprs.add(m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        assertTrue(exprs.size() >= 20, "queries found: " + exprs.size());
        SortedSet<String> used = assertOnlyEmitted(exprs, "dashboard");
        for (String key : List.of("syntop_verdict_active", "syntop_tcp_connections", "syntop_listener_syn_queue",
                "syntop_listen_drops_total", "syntop_source_up")) {
            assertTrue(used.contains(key), "the dashboard does not show " + key);
        }
    }

    @Test
    void theExpositionOfEveryOsUsesOnlyTheDocumentedNames() {
        for (OsFamily os : OsFamily.values()) {
            Matcher m = Pattern.compile("(?m)^([a-z_:][a-z0-9_:]*)[{ ]")
                    .matcher(Expositions.text(FixtureSnapshots.state(os, 100).registry()));
            while (m.find()) {
                assertTrue(SyntopMetrics.expositionNames().contains(m.group(1)), os + ": " + m.group(1));
            }
        }
    }

    /** The metric names in PromQL expressions; fails naming any that syntop serve does not emit. */
    static SortedSet<String> assertOnlyEmitted(List<String> exprs, String where) {
        SortedSet<String> used = new TreeSet<>();
        for (String e : exprs) {
            for (String name : metricNames(e)) {
                assertTrue(SyntopMetrics.expositionNames().contains(name),
                        where + ": '" + name + "' in `" + e.strip() + "` is not a metric syntop serve emits");
                used.add(name);
            }
        }
        assertTrue(!used.isEmpty(), where + ": no metric names found");
        return used;
    }

    static List<String> metricNames(String promql) {
        String s = promql.replaceAll("label_values\\(\\s*([a-zA-Z_:][\\w:]*)[^)]*\\)", "$1");
        s = s.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'", "\"\"");
        s = s.replaceAll("\\{[^}]*}", " ");
        s = s.replaceAll("\\[[^]]*]", " ");
        s = s.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        s = s.replaceAll("\\$\\{[^}]*}|\\$\\w+", " ");
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?<![\\w.])([a-zA-Z_:][\\w:]*)(\\s*\\()?").matcher(s);
        while (m.find()) {
            if (m.group(2) != null || PROMQL_WORDS.contains(m.group(1))) {
                continue; // a function or aggregation, or a keyword
            }
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void theNameExtractorSeesThroughPromql() {
        assertEquals(List.of("a_total", "b"), metricNames(
                "sum by (instance, job) (rate(a_total{x=\"y\", z=~\"$v\"}[$__rate_interval])) / on (i) group_left b > 0.9"));
        assertEquals(List.of("syntop_build_info"), metricNames("label_values(syntop_build_info{job=~\"$job\"}, instance)"));
    }

    private static List<String> alertNames() throws Exception {
        Matcher m = Pattern.compile("(?m)^\\s*- alert: (\\S+)").matcher(Files.readString(RULES));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            if (!out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        assertEquals(List.of("SyntopSynFlood", "SyntopAcceptQueueFull", "SyntopTimeWaitPileUp",
                "SyntopPfStateTableNearLimit", "SyntopSourceDown", "SyntopSamplingStalled"), out);
        return out;
    }

    @Test
    void theServiceFilesAreWellFormed() throws Exception {
        String unit = Files.readString(DEPLOY.resolve("systemd/syntop-serve.service"));
        assertTrue(unit.contains("[Service]") && unit.matches("(?s).*\\nExecStart=\\S+java .*-jar \\S+syntop.jar serve .*"),
                unit);
        var doc = DocumentBuilderFactory.newInstance();
        doc.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var plist = doc.newDocumentBuilder().parse(DEPLOY.resolve("launchd/org.syntop.serve.plist").toFile());
        assertEquals("plist", plist.getDocumentElement().getNodeName());
        assertTrue(Files.readString(DEPLOY.resolve("launchd/org.syntop.serve.plist")).contains("<string>serve</string>"));
        Path rc = DEPLOY.resolve("freebsd/syntop");
        assertTrue(Files.isExecutable(rc), rc + " must be executable");
        Tools.Run sh = Tools.run(List.of("sh", "-n", rc.toString()), null, null);
        assertEquals(0, sh.exit(), sh.output());
        assertTrue(Files.readString(rc).contains("run_rc_command \"$1\""));
    }

    @Test
    void aServiceStopIsASuccessAndTheOptionsAreNamedAsOtherExportersNameThem() throws Exception {
        Path unitFile = DEPLOY.resolve("systemd/syntop-serve.service");
        String unit = Files.readString(unitFile);
        assertTrue(unit.contains("\nSuccessExitStatus=143\n"), unit);
        assertTrue(unit.contains("\nEnvironment=SYNTOP_ARGS=--web.listen-address=127.0.0.1:19796\n"), unit);
        Optional<Path> analyze = Tools.onPath("systemd-analyze");
        if (analyze.isPresent()) {
            Tools.Run verify = Tools.run(List.of(analyze.get().toString(), "verify", unitFile.toString()), null, null);
            assertTrue(verify.output().lines().noneMatch(l -> l.contains(unitFile.getFileName().toString())),
                    verify.output());
        }
        String rc = Files.readString(DEPLOY.resolve("freebsd/syntop"));
        for (String knob : List.of(": ${syntop_user:=\"root\"}", ": ${syntop_group:=\"wheel\"}", ": ${syntop_args:=\"\"}",
                "install -o \"${syntop_user}\" -g \"${syntop_group}\"", "serve --web.listen-address=${syntop_listen} ${syntop_args}",
                "#   syntop_group (string):")) {
            assertTrue(rc.contains(knob), "the rc.d script lacks " + knob);
        }
        // rc.subr already runs the command as syntop_user: daemon -u would need root it no longer has
        assertFalse(rc.contains("-u ${syntop_user}"), rc);
    }
}
