package syntop.collectors.os.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import syntop.collectors.Fixtures;
import syntop.collectors.Pasted;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;
import syntop.collectors.report.SnapshotJson;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.Source;
import syntop.collectors.source.SourceText;

/**
 * Every Linux capture under fixtures/linux, parsed by the platform's own sources and compared with
 * its golden JSON. Dropping a new capture directory in needs no code.
 */
class LinuxFixtureTest {
    private static final LinuxPlatform PLATFORM = new LinuxPlatform(new HostInfo("fixture", OsFamily.LINUX, "fixture"));

    @TestFactory
    List<DynamicTest> everyCaptureMatchesItsGolden() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Fixtures.path("linux"))) {
            for (Path capture : withSamples(dirs.filter(Files::isDirectory).sorted().toList())) {
                for (Source s : PLATFORM.parseableSources()) {
                    if (s.acquisition() instanceof Acquisition.OfPaths f) {
                        List<RawPart> parts = new ArrayList<>();
                        for (String abs : f.paths()) {
                            Path p = capture.resolve(abs.substring(1));
                            if (Files.exists(p)) {
                                parts.add(new RawPart(abs, Files.readAllBytes(p)));
                            }
                        }
                        if (!parts.isEmpty()) {
                            // the golden sits beside the first file the source read
                            Path golden = capture.resolve(parts.get(0).name().substring(1) + ".expected.json");
                            addTests(tests, capture, s, parts, golden);
                        }
                    }
                }
                Path cmd = capture.resolve("cmd");
                if (Files.isDirectory(cmd)) {
                    try (Stream<Path> files = Files.list(cmd)) {
                        for (Path txt : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                            // a file named after a source is that source's output; any other ss listing
                            // (-ltn, -tan, -tulpen, -a) goes to the listener parser
                            String slug = txt.getFileName().toString().replace(".txt", "");
                            if (slug.startsWith("ss-")) {
                                Source ss = PLATFORM.source(slug).orElse(PLATFORM.source(LinuxPlatform.SS_LISTEN).orElseThrow());
                                addTests(tests, capture, ss, List.of(new RawPart("stdout", Files.readAllBytes(txt))),
                                        Path.of(txt.toString().replace(".txt", ".expected.json")));
                            }
                        }
                    }
                }
            }
        }
        assertFalse(tests.isEmpty(), "no Linux fixtures found");
        return tests;
    }

    /**
     * Each capture fed to every other source is reported as not understood (see {@link Parsed}), so
     * the wrong file given to {@code syntop parse} exits 1 instead of printing junk values. Left out:
     * sources that read the same format (snmp and netstat, the two ss listings) and proc-sys-net,
     * which reads any one-value file as the setting its path names.
     */
    @TestFactory
    List<DynamicTest> everyCaptureIsNotUnderstoodByTheOtherSources() throws IOException {
        List<List<String>> sameFormat = List.of(List.of(LinuxPlatform.SNMP, LinuxPlatform.NETSTAT),
                List.of(LinuxPlatform.SS_LISTEN, LinuxPlatform.SS_STATES));
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Fixtures.path("linux"))) {
            for (Path capture : dirs.filter(Files::isDirectory).sorted().toList()) {
                List<Path> inputs;
                try (Stream<Path> files = Files.walk(capture)) {
                    inputs = files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".json"))
                            .filter(f -> capture.relativize(f).startsWith("proc")
                                    || capture.relativize(f).toString().matches("cmd/ss-.*\\.txt"))
                            .sorted().toList();
                }
                for (Path input : inputs) {
                    String rel = capture.relativize(input).toString();
                    String owner = rel.startsWith("cmd/") ? LinuxPlatform.SS_LISTEN : PLATFORM.parseableSources().stream()
                            .filter(s -> s.acquisition() instanceof Acquisition.Files f && f.paths().contains("/" + rel))
                            .map(Source::id).findFirst().orElse(null);
                    for (Source reader : PLATFORM.parseableSources()) {
                        String r = reader.id();
                        if (owner == null || r.equals(owner) || r.equals(LinuxPlatform.SYSCTL)
                                || sameFormat.stream().anyMatch(g -> g.contains(r) && g.contains(owner))) {
                            continue;
                        }
                        tests.add(DynamicTest.dynamicTest(capture.getFileName() + "/" + rel + " as " + r, () -> {
                            Parsed<Reading> p = reader.parser().parse(new SourceText(List.of(
                                    new RawPart("/" + rel, Files.readAllBytes(input)))));
                            assertTrue(p.inputNotUnderstood(), p.understood() + " lines understood, "
                                    + p.notUnderstood() + " not: " + p.value());
                        }));
                    }
                }
            }
        }
        assertFalse(tests.isEmpty());
        return tests;
    }

    /** A bundle from {@code syntop capture --samples N} keeps samples 2..N in {@code samples/<n>/}, laid out alike. */
    private static List<Path> withSamples(List<Path> captures) throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path c : captures) {
            all.add(c);
            if (Files.isDirectory(c.resolve("samples"))) {
                try (Stream<Path> s = Files.list(c.resolve("samples"))) {
                    s.filter(Files::isDirectory).sorted().forEach(all::add);
                }
            }
        }
        return all;
    }

    /** The capture as it is, and as pasted (tabs expanded, CRLF, trailing blanks): all against one golden. */
    private static void addTests(List<DynamicTest> tests, Path capture, Source source, List<RawPart> parts, Path golden) {
        String name = capture.getParent().getFileName().toString().equals("samples")
                ? capture.getParent().getParent().getFileName() + "/samples/" + capture.getFileName() : capture.getFileName().toString();
        for (Pasted pasted : Pasted.ALL) {
            List<RawPart> text = parts.stream().map(p -> new RawPart(p.name(), pasted.apply(p.data()))).toList();
            tests.add(DynamicTest.dynamicTest(name + " " + source.id() + pasted.name(), () -> {
                Parsed<Reading> p = source.parser().parse(new SourceText(text));
                assertFalse(p.inputNotUnderstood(), "nothing understood in " + capture + " for " + source.id());
                String json = SnapshotJson.parsed("linux", source.id(), p);
                if (pasted == Pasted.AS_CAPTURED) {
                    Fixtures.assertGolden(golden, json);
                } else {
                    assertEquals(Pasted.withoutTrailingBlanksInQuotes(Files.readString(golden)),
                            Pasted.withoutTrailingBlanksInQuotes(json), "golden " + golden + pasted.name());
                }
            }));
        }
    }
}
