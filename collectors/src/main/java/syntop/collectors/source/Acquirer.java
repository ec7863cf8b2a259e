package syntop.collectors.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Does the I/O of a source: runs its command or reads its files. Nothing here parses. */
public final class Acquirer {
    private final CommandRunner runner;
    private final FsRoot fsRoot;

    public Acquirer(CommandRunner runner, FsRoot fsRoot) {
        this.runner = runner;
        this.fsRoot = fsRoot;
    }

    public RawOutput acquire(Source source) {
        if (source.acquisition() instanceof Acquisition.Command c) {
            CommandResult r = runner.run(c.argv(), source.budget());
            List<RawPart> parts = r.stdout().length == 0 && r.outcome() != RawOutput.Outcome.COMPLETED
                    ? List.of() : List.of(new RawPart("stdout", r.stdout()));
            return new RawOutput(source.id(), r.outcome(), parts, r.stderr(), r.exitCode(), r.took(), r.detail());
        }
        Acquisition.Files f = (Acquisition.Files) source.acquisition();
        long start = System.nanoTime();
        List<RawPart> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String path : f.paths()) {
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
        return new RawOutput(source.id(), RawOutput.Outcome.COMPLETED, parts, "", 0, since(start),
                missing.isEmpty() ? "" : String.join(", ", missing) + " absent");
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
