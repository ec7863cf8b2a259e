package syntop.collectors.action;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a state directory, held around an action's read-modify-write of its state
 * files, so two syntops (or two actions of one console) never interleave and lose a section.
 * Between processes it is an advisory lock on {@code .lock} in the directory ({@code flock}); in
 * one JVM, where a file lock cannot be taken twice, a lock per directory comes first.
 */
final class StateLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileLock lock;

    private StateLock(ReentrantLock local, FileLock lock) {
        this.local = local;
        this.lock = lock;
    }

    /** Waits for the lock on {@code dir} (made if missing). */
    static StateLock acquire(Path dir) throws IOException {
        StateFiles.ensureDir(dir);
        Path f = dir.resolve(".lock").toAbsolutePath().normalize();
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(f, k -> new ReentrantLock());
        local.lock();
        FileChannel ch = null;
        try {
            ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new StateLock(local, ch.lock());
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                ch.close();
            }
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException ignored) {
            // closing the channel releases the lock in any case
        } finally {
            local.unlock();
        }
    }
}
