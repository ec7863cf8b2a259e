package syntop.tui.cli;

import java.io.PrintWriter;
import java.util.Optional;

import syntop.collectors.os.Platforms;
import syntop.collectors.platform.Platform;
import syntop.collectors.source.FsRoot;

/** The platform of the machine syntop runs on, for the commands that read it. */
final class ThisMachine {
    private ThisMachine() {
    }

    /** This machine's platform, or empty after saying on {@code err} that syntop does not know its OS. */
    static Optional<Platform> platform(FsRoot root, String command, PrintWriter err) {
        Optional<Platform> platform = Platforms.detect(root);
        if (platform.isEmpty()) {
            err.println(command + ": this OS (" + System.getProperty("os.name") + ") is not supported; "
                    + "syntop knows Linux, FreeBSD and macOS");
        }
        return platform;
    }
}
