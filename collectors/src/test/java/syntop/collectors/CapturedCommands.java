package syntop.collectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import syntop.collectors.platform.Platform;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.Source;

/**
 * A machine answered from a capture directory: each of the platform's command sources prints the
 * capture's {@code cmd/<source id>.txt}, and its files are read under the directory (as
 * {@code --fs-root} does). Keeps which sources' commands ran.
 */
public final class CapturedCommands implements CommandRunner {
    private final Platform platform;
    private final Path capture;
    private final List<String> ran = new ArrayList<>();

    public CapturedCommands(Platform platform, Path capture) {
        this.platform = platform;
        this.capture = capture;
    }

    /** An acquirer that reads the capture's files and runs these commands. */
    public Acquirer acquirer() {
        return new Acquirer(this, new FsRoot(capture));
    }

    /** How many commands ran so far. */
    public synchronized long runs() {
        return ran.size();
    }

    /** The ids of the sources whose commands ran, in order. */
    public synchronized List<String> ran() {
        return List.copyOf(ran);
    }

    @Override
    public CommandResult run(List<String> argv, Duration timeout, long maxOutputBytes) {
        String id = platform.sources().stream()
                .filter(s -> s.acquisition() instanceof Acquisition.Command c && c.argv().equals(argv))
                .map(Source::id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no source of " + platform.os() + " runs " + argv));
        synchronized (this) {
            ran.add(id);
        }
        try {
            return new CommandResult(argv, RawOutput.Outcome.COMPLETED, Files.readAllBytes(capture.resolve("cmd/" + id + ".txt")),
                    "", 0, false, Duration.ofMillis(3), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
