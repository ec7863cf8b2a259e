package syntop.collectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import syntop.collectors.source.RawPart;
import syntop.collectors.source.SourceText;

/** Access to the captured outputs under src/test/resources/fixtures (read from the source tree so goldens can be rewritten). */
public final class Fixtures {
    public static final Path ROOT = Path.of("src/test/resources/fixtures");
    /** Set {@code -Dsyntop.updateGoldens=true} to rewrite the {@code *.expected.json} files; review the diff. */
    public static final boolean UPDATE_GOLDENS = Boolean.getBoolean("syntop.updateGoldens");

    private Fixtures() {
    }

    public static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    public static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(String relative) {
        return SourceText.of(read(relative)).lines();
    }

    /** A capture's files as the parts a file source reads, named by their absolute path on the machine. */
    public static SourceText files(String captureDir, String... absolutePaths) {
        RawPart[] parts = new RawPart[absolutePaths.length];
        for (int i = 0; i < absolutePaths.length; i++) {
            try {
                parts[i] = new RawPart(absolutePaths[i],
                        Files.readAllBytes(path(captureDir).resolve(absolutePaths[i].substring(1))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SourceText(List.of(parts));
    }

    /** Compares text with a golden file, or rewrites the golden when asked to. */
    public static void assertGolden(Path golden, String actual) {
        try {
            if (UPDATE_GOLDENS) {
                Files.writeString(golden, actual);
                return;
            }
            if (!Files.exists(golden)) {
                throw new AssertionError("no golden " + golden + "; run the tests with -Dsyntop.updateGoldens=true and review it");
            }
            org.junit.jupiter.api.Assertions.assertEquals(Files.readString(golden), actual, "golden " + golden);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
