package syntop.collectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import syntop.collectors.source.RawPart;
import syntop.collectors.source.SourceText;

/**
 * Access to the captured outputs under src/test/resources/fixtures: this module's tests read them
 * from the source tree (so goldens can be rewritten), other modules' tests from the class path
 * ({@link #onClassPath}), where this module's test jar puts them.
 */
public final class Fixtures {
    public static final Path ROOT = Path.of("src/test/resources/fixtures");
    /** Set {@code -Dsyntop.updateGoldens=true} to rewrite the {@code *.expected.json} files; review the diff. */
    public static final boolean UPDATE_GOLDENS = Boolean.getBoolean("syntop.updateGoldens");
    /** The fixtures already unpacked from the test jar, by their relative name. */
    private static final Map<String, Path> UNPACKED = new HashMap<>();

    private Fixtures() {
    }

    /**
     * A fixture (file or directory) as a path on disk, for tests that hand it to a command line or
     * to a reader of directories. In a build the fixtures come either as this module's test classes
     * directory (read in place) or as its test jar; from a jar they are unpacked once into a
     * temporary directory that is removed when the JVM exits.
     */
    public static synchronized Path onClassPath(String relative) {
        Path found = UNPACKED.get(relative);
        if (found != null) {
            return found;
        }
        try {
            Path home = Path.of(Fixtures.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(home)) {
                found = home.resolve("fixtures").resolve(relative);
            } else {
                found = unpack(home, relative);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (!Files.exists(found)) {
            throw new IllegalArgumentException("no fixture " + relative + " on the class path");
        }
        UNPACKED.put(relative, found);
        return found;
    }

    private static Path unpack(Path jar, String relative) throws IOException {
        Path into = Files.createTempDirectory("syntop-fixtures");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(into)));
        Path to = into.resolve(relative);
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Path from = zip.getPath("fixtures", relative);
            if (!Files.exists(from)) {
                return to;
            }
            try (Stream<Path> tree = Files.walk(from)) {
                for (Path p : (Iterable<Path>) tree::iterator) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(p, target);
                    }
                }
            }
        }
        return to;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> tree = Files.walk(dir)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is all that remains
        }
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

    /**
     * Compares text with a golden file, or rewrites the golden when asked to
     * ({@code -Dsyntop.updateGoldens=true}; the path is relative to the module, so the source tree's
     * file is the one written).
     */
    public static void assertGolden(Path golden, String actual) {
        try {
            if (UPDATE_GOLDENS) {
                Files.createDirectories(golden.toAbsolutePath().getParent());
                Files.writeString(golden, actual);
                return;
            }
            if (!Files.exists(golden)) {
                throw new AssertionError("no golden " + golden + "; run the tests with -Dsyntop.updateGoldens=true and review it");
            }
            org.junit.jupiter.api.Assertions.assertEquals(Files.readString(golden), actual, "golden " + golden
                    + " (if the change is meant, rerun with -Dsyntop.updateGoldens=true and review the diff)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
