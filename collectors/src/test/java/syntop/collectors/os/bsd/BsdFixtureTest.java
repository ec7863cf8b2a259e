package syntop.collectors.os.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import syntop.collectors.Pasted;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Reading;
import syntop.collectors.os.Platforms;
import syntop.collectors.os.freebsd.FreeBsdPlatform;
import syntop.collectors.os.macos.MacOsPlatform;
import syntop.collectors.parse.Parsed;
import syntop.collectors.platform.Platform;
import syntop.collectors.report.SnapshotJson;
import syntop.collectors.bundle.Layout;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.Source;
import syntop.collectors.source.SourceText;

/**
 * Parses every captured (and synthetic) output under {@code fixtures/freebsd} and {@code fixtures/macos}
 * with its platform's source and compares the {@code syntop parse} JSON with the golden
 * {@code <slug>.expected.json} beside it. Run with {@code -Dsyntop.updateGoldens=true} to write the
 * goldens, then read the diff.
 */
class BsdFixtureTest {
    private static final boolean UPDATE = Boolean.getBoolean("syntop.updateGoldens");
    private static final String GOLDEN = ".expected.json";

    /** Fixture slugs (the argv that produced the capture) → the platform source that reads them. */
    private static final Map<OsFamily, Map<String, String>> SOURCE_OF = Map.of(
            OsFamily.FREEBSD, Map.ofEntries(
                    Map.entry("netstat-s-p-tcp", FreeBsdPlatform.STATS),
                    Map.entry("netstat-s", FreeBsdPlatform.STATS),
                    Map.entry("netstat-sp-tcp", FreeBsdPlatform.STATS),
                    Map.entry("netstat-Lan", FreeBsdPlatform.LISTEN),
                    Map.entry("netstat-aL", FreeBsdPlatform.LISTEN),
                    Map.entry("netstat-an-p-tcp", FreeBsdPlatform.CONNECTIONS),
                    Map.entry("netstat-an", FreeBsdPlatform.CONNECTIONS),
                    Map.entry("netstat-AanP", FreeBsdPlatform.CONNECTIONS),
                    Map.entry("pfctl-si", FreeBsdPlatform.PF_INFO),
                    Map.entry("pfctl-vsi", FreeBsdPlatform.PF_INFO),
                    Map.entry("pfctl-s-info", FreeBsdPlatform.PF_INFO),
                    Map.entry("pfctl-vvs-info", FreeBsdPlatform.PF_INFO),
                    Map.entry("pfctl-i-vtnet0-vvsinfo", FreeBsdPlatform.PF_INFO),
                    Map.entry("pfctl-s-all", FreeBsdPlatform.PF_INFO),
                    Map.entry("pfctl-sm", FreeBsdPlatform.PF_MEMORY),
                    Map.entry("sysctl-net.inet.tcp", FreeBsdPlatform.TUNABLES_ID),
                    Map.entry("dmesg", FreeBsdPlatform.KERNEL_LOG)),
            OsFamily.MACOS, Map.ofEntries(
                    Map.entry("netstat-s-p-tcp", MacOsPlatform.STATS),
                    Map.entry("netstat-s", MacOsPlatform.STATS),
                    Map.entry("netstat-aLn-p-tcp", MacOsPlatform.LISTEN),
                    Map.entry("netstat-aLn", MacOsPlatform.LISTEN),
                    Map.entry("netstat-f-inet-p-tcp-anL", MacOsPlatform.LISTEN),
                    Map.entry("netstat-an-p-tcp", MacOsPlatform.CONNECTIONS),
                    Map.entry("netstat-An", MacOsPlatform.CONNECTIONS),
                    Map.entry("netstat-n-a-p-tcp", MacOsPlatform.CONNECTIONS),
                    Map.entry("netstat-v-n-p-tcp", MacOsPlatform.CONNECTIONS),
                    Map.entry("pfctl-si", MacOsPlatform.PF_INFO),
                    Map.entry("pfctl-sa", MacOsPlatform.PF_INFO),
                    Map.entry("pfctl-s-all", MacOsPlatform.PF_INFO),
                    Map.entry("pfctl-sm", MacOsPlatform.PF_MEMORY),
                    Map.entry("sysctl-net.inet.tcp", MacOsPlatform.TUNABLES_ID),
                    Map.entry("sysctl-a", MacOsPlatform.TUNABLES_ID),
                    Map.entry("dmesg", MacOsPlatform.KERNEL_LOG)));

    @TestFactory
    Stream<DynamicTest> goldens() throws IOException {
        return goldensUnder(Fixtures.root());
    }

    static Stream<DynamicTest> goldensUnder(Path root) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (OsFamily os : List.of(OsFamily.FREEBSD, OsFamily.MACOS)) {
            Platform platform = Platforms.offline(os, new HostInfo("fixture", os, "fixture"));
            for (Path fixture : fixtures(root, os)) {
                String rel = root.relativize(fixture).toString().replace('\\', '/');
                for (Pasted pasted : Pasted.ALL) {
                    tests.add(DynamicTest.dynamicTest(rel + pasted.name(), () -> check(platform, os, fixture, rel, pasted)));
                }
            }
        }
        if (tests.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("fixtures exist",
                    () -> fail("no fixtures found under " + root.toAbsolutePath())));
        }
        return tests.stream();
    }

    @Test
    void failsWhenThereAreNoFixtures(@TempDir Path empty) throws Throwable {
        List<DynamicTest> tests = goldensUnder(empty).toList();
        assertEquals(1, tests.size());
        assertThrows(AssertionFailedError.class, () -> tests.get(0).getExecutable().execute());
    }

    private static void check(Platform platform, OsFamily os, Path fixture, String rel, Pasted pasted) throws IOException {
        String name = fixture.getFileName().toString();
        String slug = name.substring(0, name.length() - ".txt".length());
        String id = sourceOf(platform, os, fixture);
        if (id == null) {
            fail(rel + ": no " + os.token() + " source reads '" + slug + "'; add the slug to BsdFixtureTest.SOURCE_OF");
        }
        Source source = platform.source(id).orElseThrow(() -> new AssertionError("no source " + id));
        Parsed<Reading> parsed = source.parser().parse(new SourceText(List.of(new RawPart("stdout", pasted.apply(Files.readAllBytes(fixture))))));
        String json = SnapshotJson.parsed(os.token(), source.id(), parsed);
        Path golden = fixture.resolveSibling(slug + GOLDEN);
        if (UPDATE && pasted == Pasted.AS_CAPTURED) {
            Files.writeString(golden, json, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail(rel + ": no golden " + golden.getFileName() + "; run with -Dsyntop.updateGoldens=true and review it");
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (pasted == Pasted.AS_CAPTURED) {
            assertEquals(expected, json, rel);
        } else {
            // a pasted form must give the golden of the capture itself
            assertEquals(Pasted.withoutTrailingBlanksInQuotes(expected), Pasted.withoutTrailingBlanksInQuotes(json),
                    rel + pasted.name());
        }
    }

    /** The id of the source that reads this fixture, or null. */
    private static String sourceOf(Platform platform, OsFamily os, Path fixture) {
        String name = fixture.getFileName().toString();
        String slug = name.substring(0, name.length() - ".txt".length());
        // a capture bundle names each output after the source's own argv, so its slug is the source id
        return SOURCE_OF.get(os).getOrDefault(slug, platform.sources().stream()
                .filter(s -> s.acquisition() instanceof Acquisition.Command c && Layout.fileSlug(c.argv()).equals(slug))
                .map(Source::id).findFirst().orElse(null));
    }

    /**
     * Each capture fed to every other source of its OS is reported as not understood (see
     * {@link Parsed}), so the wrong file given to {@code syntop parse} exits 1 instead of printing junk.
     */
    @TestFactory
    Stream<DynamicTest> everyCaptureIsNotUnderstoodByTheOtherSources() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (OsFamily os : List.of(OsFamily.FREEBSD, OsFamily.MACOS)) {
            Platform platform = Platforms.offline(os, new HostInfo("fixture", os, "fixture"));
            for (Path fixture : fixtures(Fixtures.root(), os)) {
                String owner = sourceOf(platform, os, fixture);
                for (Source reader : platform.parseableSources()) {
                    // the kernel's message buffer is free text: any line is a message to its reader, which keeps
                    // only the messages it knows, so another command's output gives it no value to misread
                    if (reader.id().equals(owner) || reader.id().equals(FreeBsdPlatform.KERNEL_LOG)) {
                        continue;
                    }
                    String rel = Fixtures.root().relativize(fixture) + " as " + reader.id();
                    tests.add(DynamicTest.dynamicTest(rel, () -> {
                        Parsed<Reading> p = reader.parser().parse(new SourceText(List.of(
                                new RawPart("stdout", Files.readAllBytes(fixture)))));
                        assertTrue(p.inputNotUnderstood(), rel + ": " + p.understood() + " lines understood, "
                                + p.notUnderstood() + " not: " + p.value());
                    }));
                }
            }
        }
        return tests.stream();
    }

    /** {@code <os>/<capture>/cmd/<slug>.txt}, sorted. */
    private static List<Path> fixtures(Path root, OsFamily os) throws IOException {
        Path dir = root.resolve(os.token());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .filter(p -> p.getParent().getFileName().toString().equals("cmd"))
                    .sorted()
                    .toList();
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyGoldenHasItsFixture() throws IOException {
        try (Stream<Path> s = Stream.of("macos", "freebsd").map(Fixtures.root()::resolve).flatMap(BsdFixtureTest::walk)) {
            List<Path> orphans = s.filter(p -> p.getFileName().toString().endsWith(GOLDEN))
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        // a capture bundle's whole-snapshot golden sits beside its manifest
                        return !Files.exists(p.resolveSibling(n.substring(0, n.length() - GOLDEN.length()) + ".txt"))
                                && !(n.equals("capture" + GOLDEN) && Files.exists(p.resolveSibling("manifest.json")));
                    })
                    .toList();
            assertEquals(List.of(), orphans);
        }
    }

    /** macOS file systems fold case: two names differing only by case would overwrite each other there. */
    @Test
    void noFixtureNamesDifferOnlyByCase() throws IOException {
        Map<String, String> seen = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Fixtures.root())) {
            for (Path p : s.toList()) {
                String rel = Fixtures.root().relativize(p).toString().replace('\\', '/');
                String folded = rel.toLowerCase(Locale.ROOT);
                String before = seen.putIfAbsent(folded, rel);
                if (before != null) {
                    clashes.add(before + " / " + rel);
                }
            }
        }
        assertTrue(seen.size() > 1, "no fixtures found");
        assertEquals(List.of(), clashes);
    }
}
