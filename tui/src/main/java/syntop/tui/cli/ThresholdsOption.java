package syntop.tui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Option;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.source.BoundedInput;

/**
 * {@code --thresholds FILE}: the verdicts' thresholds ({@code key = value}, see README). Without
 * the option, {@code $XDG_CONFIG_HOME/syntop/thresholds.conf} (or {@code ~/.config/...}) is read
 * when it exists. Unknown keys and bad values are reported and their defaults kept.
 */
public final class ThresholdsOption {
    /** A thresholds file is a dozen lines; anything near this is not one (and /dev/zero never ends). */
    static final long MAX_BYTES = 1024 * 1024;

    @Option(names = "--thresholds", paramLabel = "FILE",
            description = "verdict thresholds, key = value (default: ~/.config/syntop/thresholds.conf if present)")
    Path file;

    /** The thresholds to use, or empty (after saying why on {@code err}) when an explicit file cannot be read. */
    Optional<Thresholds> load(Map<String, String> env, PrintWriter err) {
        Path path = file != null ? file : defaultFile(env).filter(Files::isRegularFile).orElse(null);
        if (path == null) {
            return Optional.of(Thresholds.defaults());
        }
        try {
            byte[] text = BoundedInput.read(path, MAX_BYTES);
            Thresholds.Loaded loaded = Thresholds.parse(
                    new String(text, StandardCharsets.UTF_8).lines().toList());
            for (String w : loaded.warnings()) {
                err.println("syntop: " + path + ": " + w);
            }
            return Optional.of(loaded.thresholds());
        } catch (BoundedInput.TooLargeException e) {
            err.println("syntop: cannot read thresholds " + e.getMessage() + "; a thresholds file is a few lines");
            return Optional.empty();
        } catch (IOException e) {
            err.println("syntop: cannot read thresholds " + path + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<Path> defaultFile(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(Path.of(xdg, "syntop", "thresholds.conf"));
        }
        String home = env.get("HOME");
        return home == null || home.isBlank() ? Optional.empty()
                : Optional.of(Path.of(home, ".config", "syntop", "thresholds.conf"));
    }
}
