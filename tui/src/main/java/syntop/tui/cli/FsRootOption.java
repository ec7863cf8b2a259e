package syntop.tui.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import syntop.collectors.source.FsRoot;

/** The hidden {@code --fs-root DIR} of the commands that read this machine: its files under DIR instead of / (tests, captures). */
final class FsRootOption {
    @Option(names = "--fs-root", paramLabel = "DIR", hidden = true,
            description = "read /proc and other files under DIR instead of / (tests, captures)")
    Path dir;

    /** Where the machine's files are read: DIR, or / itself. */
    FsRoot root() {
        return dir == null ? FsRoot.live() : new FsRoot(dir);
    }
}
