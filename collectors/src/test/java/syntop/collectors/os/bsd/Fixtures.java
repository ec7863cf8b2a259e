package syntop.collectors.os.bsd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import syntop.collectors.source.RawPart;
import syntop.collectors.source.SourceText;

/** Reads the captured outputs under {@code src/test/resources/fixtures}, split into lines the way a source's text is. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The fixture tree in the source folder (goldens are written there). */
    public static Path root() {
        return Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "fixtures");
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SourceText text(String relative) {
        return new SourceText(List.of(new RawPart("stdout", bytes(relative))));
    }

    public static List<String> lines(String relative) {
        return text(relative).lines();
    }
}
