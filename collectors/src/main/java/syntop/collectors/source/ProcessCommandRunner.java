package syntop.collectors.source;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import syntop.collectors.threads.Daemons;

/**
 * Runs commands as real processes: argument vector only, {@code LC_ALL=C}, standard input closed
 * (or fed from bytes the caller gives, then closed), a time limit that kills the whole process tree, and a cap on captured output.
 */
public final class ProcessCommandRunner implements CommandRunner {
    /** Where system tools live on the BSDs and Linux even when PATH (cron, launchd) omits them. */
    private static final List<String> SYSTEM_DIRS = List.of("/sbin", "/usr/sbin", "/bin", "/usr/bin");
    private static final int STDERR_CAP = 64 * 1024;
    private static final File DEV_NULL = new File("/dev/null");

    private final ExecutorService readers = Executors.newCachedThreadPool(Daemons.named("syntop-command-output"));
    private final List<String> searchPath;

    public ProcessCommandRunner() {
        this(System.getenv("PATH"));
    }

    ProcessCommandRunner(String pathVariable) {
        Set<String> dirs = new LinkedHashSet<>();
        if (pathVariable != null) {
            for (String d : pathVariable.split(File.pathSeparator)) {
                if (!d.isEmpty() && d.startsWith("/")) {
                    dirs.add(d);
                }
            }
        }
        dirs.addAll(SYSTEM_DIRS);
        this.searchPath = List.copyOf(dirs);
    }

    /** Finds the program of an argv the way a shell would, without a shell. */
    public Optional<Path> resolve(String program) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        for (String dir : searchPath) {
            Path p = Path.of(dir, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public CommandResult run(List<String> argv, Duration timeout, long maxOutputBytes) {
        return run(argv, Map.of(), timeout, maxOutputBytes);
    }

    /** {@link #run(List, Duration, long)} with more environment variables (an alert hook's verdict). */
    public CommandResult run(List<String> argv, Map<String, String> extraEnv, Duration timeout, long maxOutputBytes) {
        return run(argv, extraEnv, null, timeout, maxOutputBytes);
    }

    @Override
    public CommandResult run(List<String> argv, byte[] stdin, Duration timeout, long maxOutputBytes) {
        return run(argv, Map.of(), java.util.Objects.requireNonNull(stdin), timeout, maxOutputBytes);
    }

    private CommandResult run(List<String> argv, Map<String, String> extraEnv, byte[] stdin, Duration timeout,
                              long maxOutputBytes) {
        long start = System.nanoTime();
        Optional<Path> program = resolve(argv.get(0));
        if (program.isEmpty()) {
            return failure(argv, RawOutput.Outcome.NOT_FOUND, start, argv.get(0) + ": command not found");
        }
        List<String> resolved = new ArrayList<>(argv);
        resolved.set(0, program.get().toString());
        ProcessBuilder pb = new ProcessBuilder(resolved);
        Map<String, String> env = pb.environment();
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
        env.put("PATH", String.join(File.pathSeparator, searchPath));
        env.putAll(extraEnv);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("error=13")) {
                return failure(argv, RawOutput.Outcome.PERMISSION_DENIED, start, argv.get(0) + ": permission denied");
            }
            if (msg.contains("error=2")) {
                return failure(argv, RawOutput.Outcome.NOT_FOUND, start, argv.get(0) + ": command not found");
            }
            return failure(argv, RawOutput.Outcome.FAILED, start, argv.get(0) + ": " + msg);
        }
        AtomicBoolean truncated = new AtomicBoolean();
        Future<byte[]> out = readers.submit(() -> drain(process.getInputStream(), maxOutputBytes, truncated, process));
        Future<byte[]> err = readers.submit(() -> drain(process.getErrorStream(), STDERR_CAP, new AtomicBoolean(), null));
        if (stdin != null) {
            // written on a thread of its own, so a child that does not read cannot block past the time limit
            readers.submit(() -> feed(process, stdin));
        }
        boolean exited;
        try {
            exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(process);
            return failure(argv, RawOutput.Outcome.FAILED, start, "interrupted");
        }
        if (!exited) {
            killTree(process);
        }
        byte[] stdout = collect(out);
        String stderr = new String(collect(err), StandardCharsets.UTF_8);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!exited) {
            return new CommandResult(argv, RawOutput.Outcome.TIMEOUT, stdout, stderr, -1, truncated.get(), took,
                    argv.get(0) + ": no answer within " + format(timeout) + ", killed");
        }
        if (truncated.get()) {
            // a cut table would give wrong counts, and the exit status is then only the signal it was stopped by
            return new CommandResult(argv, RawOutput.Outcome.TOO_LARGE, new byte[0], stderr, -1, true, took,
                    argv.get(0) + ": output over the cap of " + BoundedInput.size(maxOutputBytes)
                            + " (the most syntop reads with this heap), stopped and not read");
        }
        return new CommandResult(argv, RawOutput.Outcome.COMPLETED, stdout, stderr, process.exitValue(), false, took, "");
    }

    private static void feed(Process process, byte[] stdin) {
        try (java.io.OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // the child exited without reading all of it: its exit status and stderr say why
        }
    }

    private static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] collect(Future<byte[]> f) {
        try {
            return f.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            f.cancel(true);
            return new byte[0];
        }
    }

    /** Reads a stream to its end, keeping at most {@code cap} bytes; past the cap the process is killed. */
    private static byte[] drain(InputStream in, long cap, AtomicBoolean truncated, Process owner) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
        byte[] chunk = new byte[65536];
        try (in) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                long room = cap - buf.size();
                if (room <= 0) {
                    truncated.set(true);
                    if (owner != null) {
                        killTree(owner);
                    }
                    break;
                }
                buf.write(chunk, 0, (int) Math.min(n, room));
                if (n > room) {
                    truncated.set(true);
                    if (owner != null) {
                        killTree(owner);
                    }
                    break;
                }
            }
        }
        return buf.toByteArray();
    }

    private static CommandResult failure(List<String> argv, RawOutput.Outcome outcome, long start, String detail) {
        return new CommandResult(argv, outcome, new byte[0], "", -1, false, Duration.ofNanos(System.nanoTime() - start), detail);
    }
}
