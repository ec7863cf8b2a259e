package syntop.collectors.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A recording file as {@link RecordWriter} writes it: appended to, and locked so that two recorders never write one file. */
final class FileSink implements RecordWriter.Sink {
    private final FileChannel ch;

    private FileSink(FileChannel ch) {
        this.ch = ch;
    }

    /** Opens (creating if needed) {@code path} for appending; refused while another syntop records to it. */
    static FileSink open(Path path) throws IOException {
        // append: every write lands at the end, even if someone cut the file meanwhile
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new IOException(path + " is being recorded by another syntop");
        }
        return new FileSink(ch);
    }

    @Override
    public long size() throws IOException {
        return ch.size();
    }

    @Override
    public void write(ByteBuffer b) throws IOException {
        ch.write(b);
    }

    @Override
    public void truncate(long n) throws IOException {
        ch.truncate(n);
    }

    @Override
    public void force() throws IOException {
        ch.force(false);
    }

    @Override
    public void close() throws IOException {
        ch.close(); // releases the lock
    }
}
