package syntop.tui.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs {@code syntop} in a new JVM (under a prefix such as {@code setpriv …} or {@code ip netns exec …}). */
final class ChildJvm {
    final int exit;
    final String out;

    private ChildJvm(int exit, String out) {
        this.exit = exit;
        this.out = out;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs with this JVM's class path; {@code jvmOptions} go before the main class. */
    static ChildJvm run(List<String> prefix, String classPath, List<String> jvmOptions, Path cwd, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(java());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add("syntop.tui.Main");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("syntop " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new ChildJvm(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /**
     * A copy of this JVM's class path under {@code dir}, readable by every user (the build's own
     * copies may sit in a home directory another user cannot enter).
     */
    static String worldReadableClassPath(Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path src = Path.of(e);
            if (!Files.exists(src)) {
                continue;
            }
            Path dst = dir.resolve(i++ + "-" + src.getFileName());
            if (Files.isDirectory(src)) {
                try (Stream<Path> s = Files.walk(src)) {
                    for (Path p : s.toList()) {
                        Path t = dst.resolve(src.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(t);
                        } else {
                            Files.copy(p, t);
                        }
                    }
                }
            } else {
                Files.copy(src, dst);
            }
            entries.add(dst.toString());
        }
        openUp(dir);
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** rwxr-xr-x for directories, rw-r--r-- for files, all the way down. */
    static void openUp(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    static boolean onPath(String program) {
        List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(java.io.File.pathSeparator)));
        }
        for (String d : dirs) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a short command and returns its output (stdout and stderr), failing on a non-zero exit. */
    static String sh(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + ": no answer in 60 s");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " exited with " + p.exitValue() + ":\n" + out);
        }
        return out;
    }
}
