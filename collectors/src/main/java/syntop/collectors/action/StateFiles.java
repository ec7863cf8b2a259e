package syntop.collectors.action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import syntop.collectors.files.AtomicFile;

/** Small files syntop owns (undo state, blocked list): created private, replaced atomically, read with a size cap. */
final class StateFiles {
    static final long MAX_BYTES = 1024 * 1024;

    private StateFiles() {
    }

    /** Makes the directory (mode 0700 where it is new). */
    static void ensureDir(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    /** Replaces {@code target} in one step ({@link AtomicFile#replace}), making its directory private where it is new. */
    static void writeAtomically(Path target, String text) throws IOException {
        ensureDir(target.toAbsolutePath().getParent());
        AtomicFile.replace(target, text);
    }

    static List<String> readLines(Path p) throws IOException {
        if (!Files.exists(p)) {
            return List.of();
        }
        if (Files.size(p) > MAX_BYTES) {
            throw new IOException(p + " is larger than " + MAX_BYTES + " bytes");
        }
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }
}
