package syntop.collectors.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Does the I/O of a source: runs its command or reads its files. Nothing here parses. */
public final class Acquirer {
    private final CommandRunner runner;
    private final FsRoot fsRoot;
    /** One reader per log device, kept open between polls so that each poll reads only what is new. */
    private final Map<String, LogDeviceReader> logReaders = new ConcurrentHashMap<>();

    public Acquirer(CommandRunner runner, FsRoot fsRoot) {
        this.runner = runner;
        this.fsRoot = fsRoot;
    }

    public RawOutput acquire(Source source) {
        if (source.acquisition() instanceof Acquisition.Command c) {
            CommandResult r = runner.run(c.argv(), source.budget());
            List<RawPart> parts = r.stdout().length == 0 && r.outcome() != RawOutput.Outcome.COMPLETED
                    ? List.of() : List.of(new RawPart("stdout", r.stdout()));
            if (c.thenRead().isPresent() && r.outcome() == RawOutput.Outcome.COMPLETED) {
                long start = System.nanoTime();
                List<RawPart> all = new ArrayList<>(parts);
                List<String> unread = readNamed(c.thenRead().get(), r.stdout(), all);
                String detail = unread.isEmpty() ? r.detail()
                        : (r.detail().isEmpty() ? "" : r.detail() + "; ") + "not read: " + String.join(", ", unread);
                return new RawOutput(source.id(), r.outcome(), all, r.stderr(), r.exitCode(),
                        r.took().plus(since(start)), detail);
            }
            return new RawOutput(source.id(), r.outcome(), parts, r.stderr(), r.exitCode(), r.took(), r.detail());
        }
        if (source.acquisition() instanceof Acquisition.LogDevice d) {
            return acquireLog(source, d);
        }
        Acquisition.Files f = (Acquisition.Files) source.acquisition();
        return readFiles(source, f.paths(), System.nanoTime(), new ArrayList<>());
    }

    /** Reads the files {@code output} names into {@code parts}; returns those that could not be read. */
    private List<String> readNamed(Acquisition.FilesNamed files, byte[] output, List<RawPart> parts) {
        List<String> unread = new ArrayList<>();
        for (String path : files.paths(new String(output, StandardCharsets.UTF_8))) {
            try {
                parts.add(new RawPart(path, fsRoot.read(path)));
            } catch (IOException | RuntimeException e) {
                unread.add(path);
            }
        }
        return unread;
    }

    /**
     * The records the device added since the last poll (all it holds at the first), then the files read
     * whole. A device that refuses to open is retried at the next poll.
     */
    private RawOutput acquireLog(Source source, Acquisition.LogDevice d) {
        long start = System.nanoTime();
        LogDeviceReader reader = logReaders.get(d.device());
        if (reader == null) {
            try {
                reader = LogDeviceReader.open(fsRoot.resolve(d.device()));
            } catch (NoSuchFileException e) {
                return RawOutput.failed(source.id(), RawOutput.Outcome.NOT_FOUND, since(start),
                        d.device() + ": not present on this system");
            } catch (AccessDeniedException e) {
                return RawOutput.failed(source.id(), RawOutput.Outcome.PERMISSION_DENIED, since(start),
                        d.device() + ": permission denied" + restriction());
            } catch (FileSystemException e) {
                // the kernel refuses /dev/kmsg with EPERM (not EACCES) under kernel.dmesg_restrict
                boolean denied = String.valueOf(e.getReason()).contains("not permitted");
                return RawOutput.failed(source.id(), denied ? RawOutput.Outcome.PERMISSION_DENIED : RawOutput.Outcome.FAILED,
                        since(start), d.device() + ": " + (denied ? "operation not permitted" + restriction() : e.getReason()));
            } catch (IOException | RuntimeException e) {
                return RawOutput.failed(source.id(), RawOutput.Outcome.FAILED, since(start), d.device() + ": " + e.getMessage());
            }
            logReaders.put(d.device(), reader);
        }
        LogDeviceReader.Drained got = reader.drain(start + source.budget().toNanos());
        if (got.ended() && !got.failure().isEmpty()) {
            // read again from the start at the next poll; what was read twice is told apart by sequence number
            logReaders.remove(d.device());
            if (got.data().length == 0) {
                return RawOutput.failed(source.id(), RawOutput.Outcome.FAILED, since(start), d.device() + ": " + got.failure());
            }
        }
        List<RawPart> parts = new ArrayList<>();
        parts.add(new RawPart(d.device(), got.data()));
        List<String> notes = new ArrayList<>(got.notes());
        if (!got.failure().isEmpty()) {
            notes.add(d.device() + ": " + got.failure());
        }
        if (d.files().isEmpty()) {
            return new RawOutput(source.id(), RawOutput.Outcome.COMPLETED, parts, "", 0, since(start), String.join("; ", notes));
        }
        RawOutput files = readFiles(source, d.files(), start, notes);
        if (files.outcome() != RawOutput.Outcome.COMPLETED) {
            return new RawOutput(source.id(), RawOutput.Outcome.COMPLETED, parts, "", 0, since(start),
                    String.join("; ", notes) + (notes.isEmpty() ? "" : "; ") + files.detail());
        }
        parts.addAll(files.parts());
        return new RawOutput(source.id(), RawOutput.Outcome.COMPLETED, parts, "", 0, since(start), files.detail());
    }

    /** Why a log device may be refused, in words: the setting that restricts it, when it is set. */
    private String restriction() {
        try {
            String v = new String(fsRoot.read("/proc/sys/kernel/dmesg_restrict"), StandardCharsets.US_ASCII).strip();
            return v.equals("1") ? " (needs root: kernel.dmesg_restrict is 1)" : " (needs root)";
        } catch (IOException | RuntimeException e) {
            return " (needs root)";
        }
    }

    private RawOutput readFiles(Source source, List<String> paths, long start, List<String> notes) {
        List<RawPart> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String path : paths) {
            try {
                parts.add(new RawPart(path, fsRoot.read(path)));
            } catch (NoSuchFileException e) {
                missing.add(path);
            } catch (BoundedInput.TooLargeException e) {
                return RawOutput.failed(source.id(), RawOutput.Outcome.TOO_LARGE, since(start), path
                        + ": over the cap of " + BoundedInput.size(e.cap()) + " (the most syntop reads with this heap), not read");
            } catch (AccessDeniedException e) {
                return RawOutput.failed(source.id(), RawOutput.Outcome.PERMISSION_DENIED, since(start),
                        path + ": permission denied");
            } catch (IOException | RuntimeException e) {
                return RawOutput.failed(source.id(), RawOutput.Outcome.FAILED, since(start), path + ": " + e.getMessage());
            }
        }
        if (parts.isEmpty()) {
            return RawOutput.failed(source.id(), RawOutput.Outcome.NOT_FOUND, since(start),
                    String.join(", ", missing) + ": not present on this kernel");
        }
        // some files of a set may be absent (e.g. /proc/net/tcp6 with IPv6 disabled): read what is there
        if (!missing.isEmpty()) {
            notes.add(String.join(", ", missing) + " absent");
        }
        return new RawOutput(source.id(), RawOutput.Outcome.COMPLETED, parts, "", 0, since(start), String.join("; ", notes));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
