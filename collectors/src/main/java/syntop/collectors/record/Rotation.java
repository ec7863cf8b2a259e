package syntop.collectors.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The files of a rotated recording: FILE is written, FILE.1 is the one before it, and so on up to {@code keep}. */
final class Rotation {
    private final Path file;
    private final int keep;

    Rotation(Path file, int keep) {
        this.file = file;
        this.keep = keep;
    }

    /** FILE → FILE.1 → FILE.2 …; the oldest beyond {@code keep} is deleted (FILE itself when none is kept). */
    void rotate() throws IOException {
        Files.deleteIfExists(numbered(keep + 1));
        for (int i = keep; i >= 1; i--) {
            Path from = numbered(i);
            if (Files.exists(from)) {
                Files.move(from, numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (keep == 0) {
            Files.deleteIfExists(file);
        } else {
            Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.deleteIfExists(numbered(keep + 1));
    }

    /** FILE.n; FILE itself for 0. */
    Path numbered(int n) {
        return n == 0 ? file : file.resolveSibling(file.getFileName() + "." + n);
    }
}
