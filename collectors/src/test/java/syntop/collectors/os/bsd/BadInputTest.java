package syntop.collectors.os.bsd;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.SourceText;

/** Every BSD parser, fed what it must not choke on: nothing, cut output, garbage, random bytes, Linux files. */
class BadInputTest {

    private static final Map<String, List<String>> NOT_OURS = Map.of(
            "garbage", List.of("%%%%", "\u0000\u0001\u0002", "x".repeat(10_000), "-1 -2 -3", "(((", "))) 12 (",
                    "9999999999999999999999999 packets sent", "\t\t\t", "tcp4 1/2 *.", "sysctl: unknown oid 'x'"),
            "Linux /proc/net/snmp", Fixtures.lines("linux/node_exporter/proc/net/snmp"),
            "Linux ss -tan4", Fixtures.lines("linux/old-iproute2-datadog/cmd/ss-tan4.txt"),
            // the captured line alone is the same text as a pasted BSD counter line: net-tools prints it under "TcpExt:"
            "Linux netstat -s", Stream.concat(Stream.of("TcpExt:"),
                    Fixtures.lines("linux/fedora29-5.2-netdata6998/cmd/netstat-s.txt").stream()).toList());

    @TestFactory
    Stream<DynamicTest> emptyInputIsNothingUnderstood() {
        return BsdParsers.ALL.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            for (List<String> empty : List.of(List.<String>of(), List.of(""), List.of("   ", "\t"))) {
                Parsed<Reading> p = e.getValue().apply(empty);
                assertTrue(p.inputNotUnderstood());
                assertTrue(p.value().isEmpty());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> wrongInputIsReportedAsNotUnderstood() {
        List<DynamicTest> tests = new ArrayList<>();
        BsdParsers.ALL.forEach((parser, parse) -> NOT_OURS.forEach((what, lines) ->
                tests.add(DynamicTest.dynamicTest(parser + " ← " + what, () -> {
                    Parsed<Reading> p = parse.apply(lines);
                    assertTrue(p.inputNotUnderstood() || !p.unparsed().isEmpty(), p.toString());
                }))));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> randomBytesNeverThrow() {
        return BsdParsers.ALL.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Random random = new Random(20240601L);
            for (int round = 0; round < 50; round++) {
                byte[] b = new byte[random.nextInt(4096)];
                random.nextBytes(b);
                List<String> lines = new SourceText(List.of(new RawPart("stdout", b))).lines();
                Parsed<Reading> p = assertDoesNotThrow(() -> e.getValue().apply(lines));
                assertTrue(lines.stream().allMatch(String::isBlank) ? p.inputNotUnderstood()
                        : p.inputNotUnderstood() || !p.unparsed().isEmpty());
            }
        }));
    }

    /** Every real and synthetic capture, cut at many places (mid-line included), through every parser. */
    @TestFactory
    Stream<DynamicTest> truncatedCapturesNeverThrow() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Fixtures.root())) {
            files = s.filter(p -> p.toString().endsWith(".txt") && p.getParent().getFileName().toString().equals("cmd"))
                    .sorted().toList();
        }
        assertTrue(files.size() > 30);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            tests.add(DynamicTest.dynamicTest(Fixtures.root().relativize(f).toString(), () -> {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                int step = Math.max(1, text.length() / 60);
                for (int cut = 0; cut <= text.length(); cut += step) {
                    List<String> lines = SourceText.of(text.substring(0, cut)).lines();
                    for (Function<List<String>, Parsed<Reading>> parse : BsdParsers.ALL.values()) {
                        assertDoesNotThrow(() -> parse.apply(lines));
                    }
                }
            }));
        }
        return tests.stream();
    }
}
