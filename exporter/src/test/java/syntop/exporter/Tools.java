package syntop.exporter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** External tools the tests call: promtool (Debian's prometheus package). */
final class Tools {
    private Tools() {
    }

    /** The result of a finished command. */
    record Run(int exit, String output) {
    }

    /** An executable on PATH. */
    static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * promtool, or the test is skipped saying how to get it. In CI (CI=true) its absence is a failure:
     * .ci/run installs it.
     */
    static Path promtool() {
        Optional<Path> p = onPath("promtool");
        if (p.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("promtool is not on PATH; .ci/run installs it with apt-get install prometheus");
        }
        Assumptions.assumeTrue(p.isPresent(), "promtool is not on PATH (apt-get install prometheus provides it)");
        return p.get();
    }

    /** Runs a command (bounded: 60 s), stdin from {@code input} if given, stdout and stderr together. */
    static Run run(List<String> argv, String input, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(argv)).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(argv + " did not finish in 60 s");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
