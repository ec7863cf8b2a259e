package syntop.collectors.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import syntop.collectors.Fixtures;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.judge.Pipeline;
import syntop.collectors.model.OsFamily;
import syntop.collectors.report.SnapshotJson;

/**
 * Every capture bundle under {@code fixtures/<os>/} (a directory with a {@code manifest.json}) replayed
 * whole, as {@code syntop parse --capture} prints it, against {@code capture.expected.json} beside the
 * manifest. The per-source walkers (LinuxFixtureTest, BsdFixtureTest) cover its files one by one.
 * Dropping a bundle in needs no code: write the golden with {@code -Dsyntop.updateGoldens=true}.
 */
class CaptureFixtureTest {
    @TestFactory
    List<DynamicTest> everyBundleReplaysToItsGolden() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (OsFamily os : OsFamily.values()) {
            Path dir = Fixtures.path(os.token());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path bundle : s.filter(p -> Files.isRegularFile(p.resolve("manifest.json"))).sorted().toList()) {
                    tests.add(DynamicTest.dynamicTest(os.token() + "/" + bundle.getFileName(), () -> {
                        BundleReader capture = BundleReader.open(bundle);
                        assertEquals(os, capture.os(), "a " + capture.os().token() + " bundle filed under " + os.token());
                        JudgedTick last = Pipeline.lastOf(capture, Thresholds.defaults());
                        Fixtures.assertGolden(bundle.resolve("capture.expected.json"), SnapshotJson.snapshot(last));
                    }));
                }
            }
        }
        return tests;
    }
}
