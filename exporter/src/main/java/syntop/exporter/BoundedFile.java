package syntop.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file that should be small (a web configuration, a certificate, a key) without trusting
 * it to be: at most {@code max} bytes are read, so {@code /dev/zero} or a 50 MB line is an error
 * that says "too large", not an OutOfMemoryError.
 */
final class BoundedFile {
    private BoundedFile() {
    }

    /**
     * The bytes of {@code file}; errors start with {@code prefix} (e.g. "TLS: "), name the file as
     * {@code what} (e.g. "cert_file"), and say that such a file is {@code usual}ly small.
     */
    static byte[] read(Path file, int max, String prefix, String what, String usual) throws ServeException {
        byte[] b;
        try (InputStream in = Files.newInputStream(file)) {
            b = in.readNBytes(max + 1);
        } catch (IOException e) {
            throw new ServeException(prefix + "cannot read " + what + " " + file + ": " + e.getMessage(), true, e);
        }
        if (b.length > max) {
            throw new ServeException(prefix + what + " " + file + " is too large (more than " + size(max) + "; " + usual
                    + ")", true);
        }
        return b;
    }

    private static String size(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }
}
