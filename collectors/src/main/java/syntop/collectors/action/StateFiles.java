package syntop.collectors.action;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

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

    /**
     * Writes {@code text} to a temporary file of its own beside {@code target} (a unique name, so
     * two writers never share one), forces it to disk, then moves it over the target in one step:
     * a crash or a full disk leaves the old file or the new one, never half of it.
     */
    static void writeAtomically(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        ensureDir(dir);
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        }
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
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
