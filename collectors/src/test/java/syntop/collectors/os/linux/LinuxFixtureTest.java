package syntop.collectors.os.linux;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import syntop.collectors.Fixtures;
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
                            tests.add(test(capture, s, new SourceText(parts), golden));
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
                                tests.add(test(capture, ss, new SourceText(List.of(new RawPart("stdout",
                                        Files.readAllBytes(txt)))), Path.of(txt.toString().replace(".txt", ".expected.json"))));
                            }
                        }
                    }
                }
            }
        }
        assertFalse(tests.isEmpty(), "no Linux fixtures found");
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

    private static DynamicTest test(Path capture, Source source, SourceText text, Path golden) {
        String name = capture.getParent().getFileName().toString().equals("samples")
                ? capture.getParent().getParent().getFileName() + "/samples/" + capture.getFileName() : capture.getFileName().toString();
        return DynamicTest.dynamicTest(name + " " + source.id(), () -> {
            Parsed<Reading> p = source.parser().parse(text);
            assertFalse(p.nothingUnderstood(), "nothing understood in " + capture + " for " + source.id());
            Fixtures.assertGolden(golden, SnapshotJson.parsed("linux", source.id(), p));
        });
    }
}
