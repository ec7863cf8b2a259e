package syntop.collectors.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import syntop.collectors.Fixtures;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.Reading;
import syntop.collectors.os.bsd.Dialect;
import syntop.collectors.os.bsd.NetstatConnectionsParser;
import syntop.collectors.os.bsd.NetstatListenParser;
import syntop.collectors.os.bsd.NetstatTcpStatsParser;
import syntop.collectors.os.bsd.PfctlInfoParser;
import syntop.collectors.os.bsd.PfctlMemoryParser;
import syntop.collectors.os.bsd.SysctlParser;
import syntop.collectors.os.linux.ProcNetPairsParser;
import syntop.collectors.os.linux.ProcNetTcpParser;
import syntop.collectors.os.linux.ProcSysParser;
import syntop.collectors.os.linux.SockstatParser;
import syntop.collectors.os.linux.SsListenParser;
import syntop.collectors.os.linux.SynproxyStatParser;
import syntop.collectors.parse.Parsed;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.SourceText;

/**
 * Every real output in the fixtures, redacted, parses to the same result as before except for the
 * addresses themselves: the same lines understood, states, counters, settings, listeners (port and
 * queues), and per-state remote counts. So a redacted bundle shows the maintainer what the user saw.
 */
class RedactedFixturesTest {
    private static final byte[] KEY = "fixture redaction key, test only".getBytes(StandardCharsets.US_ASCII);

    @TestFactory
    List<DynamicTest> redactionChangesNothingButAddresses() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Fixtures.ROOT)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".json") || name.endsWith(".tsv") || name.endsWith(".md") || name.endsWith(".err")
                        || name.endsWith(".exit")) {
                    continue;
                }
                String rel = Fixtures.ROOT.relativize(p).toString().replace('\\', '/');
                tests.add(DynamicTest.dynamicTest(rel, () -> check(rel, Files.readAllBytes(p))));
            }
        }
        assertFalse(tests.isEmpty());
        return tests;
    }

    private static void check(String rel, byte[] data) {
        // (raw counter values only: a parser fed another tool's output may take a line with an address as a name)
        // the path as the machine had it: proc/net/tcp for Linux files, cmd/x.txt for commands
        int proc = rel.indexOf("/proc/");
        String path = proc >= 0 ? rel.substring(proc + 1) : "cmd/" + rel.substring(rel.lastIndexOf('/') + 1);
        Redactor r = new Redactor(new Pseudonyms(KEY), List.of("web1"), ByteOrder.LITTLE_ENDIAN, "host-abcdef");
        r.learn(path, data);
        byte[] redacted = r.redact(path, data);
        List<String> before = shapes(rel, "/" + path, data);
        List<String> after = shapes(rel, "/" + path, redacted);
        assertEquals(before, after, rel);
    }

    private static List<String> shapes(String rel, String abs, byte[] data) {
        SourceText t = new SourceText(List.of(new RawPart(abs, data)));
        List<Parsed<Reading>> all = new ArrayList<>();
        if (rel.startsWith("linux/")) {
            all.add(ProcNetTcpParser.parse(t));
            all.add(ProcNetPairsParser.parse(t.lines()));
            all.add(SockstatParser.parse(t.lines()));
            all.add(SynproxyStatParser.parse(t.lines()));
            all.add(SsListenParser.parse(t.lines()));
            all.add(ProcSysParser.parse(t));
        } else {
            all.add(NetstatConnectionsParser.parse(t.lines()));
            all.add(NetstatListenParser.parse(t.lines()));
            all.add(NetstatTcpStatsParser.parse(t.lines(), Dialect.FREEBSD));
            all.add(NetstatTcpStatsParser.parse(t.lines(), Dialect.MACOS));
            all.add(PfctlInfoParser.parse(t.lines()));
            all.add(PfctlMemoryParser.parse(t.lines()));
            all.add(SysctlParser.parse(t.lines()));
        }
        List<String> out = new ArrayList<>();
        for (Parsed<Reading> p : all) {
            Reading v = p.value();
            List<String> queues = new ArrayList<>();
            for (ListenQueue q : v.listeners()) {
                queues.add(q.protocol() + " :" + q.port() + " " + q.acceptQueue() + "/" + q.synQueue() + "/" + q.limit());
            }
            Map<String, List<Long>> remotes = new TreeMap<>();
            v.remotes().forEach((state, list) -> remotes.put(state.label(),
                    list.stream().map(AddressCount::count).sorted().toList()));
            out.add(p.understood() + " understood, " + p.unparsed().size() + " unparsed, " + p.notes().size() + " notes, root "
                    + p.needsRoot().isPresent() + " | " + v.states() + " | " + v.counters().raw().values() + " | " + v.tunables()
                    + " | " + queues + " | " + remotes + " | " + v.synRecvByPort());
        }
        return out;
    }
}
