package syntop.collectors.action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.ProcessCommandRunner;

/**
 * A network namespace a test creates and always deletes, named after the test and this JVM's pid.
 * Commands run inside it through {@code ip netns exec NAME}; the processes it started are stopped
 * by pid (and whatever still runs inside it is found with {@code ip netns pids}) before it goes.
 */
public final class Netns implements AutoCloseable {
    public final String name;
    private final List<Process> started = new ArrayList<>();

    private Netns(String name) {
        this.name = name;
    }

    /** Creates the namespace with loopback up; throws with ip's message when it cannot. */
    public static Netns create(String tag) throws IOException, InterruptedException {
        String name = "syntop-act-" + tag + "-" + ProcessHandle.current().pid();
        Result r = host("ip", "netns", "add", name);
        if (r.exit != 0) {
            throw new IOException("ip netns add " + name + ": " + r.out.strip());
        }
        Netns ns = new Netns(name);
        ns.exec("ip", "link", "set", "lo", "up").check();
        return ns;
    }

    /** Runs a command in the host namespace, bounded to 10 s. */
    public static Result host(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    public Result exec(String... argv) throws IOException, InterruptedException {
        return host(prefixed(List.of(argv)).toArray(String[]::new));
    }

    /** Starts a long-running command inside the namespace (stopped at close). */
    public Process start(String... argv) throws IOException {
        Process p = new ProcessBuilder(prefixed(List.of(argv))).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    List<String> prefixed(List<String> argv) {
        List<String> a = new ArrayList<>(List.of("ip", "netns", "exec", name));
        a.addAll(argv);
        return a;
    }

    /** A runner whose commands run inside this namespace. */
    CommandRunner runner() {
        ProcessCommandRunner real = new ProcessCommandRunner();
        return new CommandRunner() {
            @Override
            public CommandResult run(List<String> argv, Duration timeout, long maxOutputBytes) {
                CommandResult r = real.run(prefixed(argv), timeout, maxOutputBytes);
                // report the argv syntop asked for, as the audit log would on a real host
                return new CommandResult(argv, r.outcome(), r.stdout(), r.stderr(), r.exitCode(), r.truncated(), r.took(), r.detail());
            }

            @Override
            public CommandResult run(List<String> argv, byte[] stdin, Duration timeout, long maxOutputBytes) {
                CommandResult r = real.run(prefixed(argv), stdin, timeout, maxOutputBytes);
                return new CommandResult(argv, r.outcome(), r.stdout(), r.stderr(), r.exitCode(), r.truncated(), r.took(), r.detail());
            }
        };
    }

    public String sysctl(String key) throws IOException, InterruptedException {
        return Setting.normalise(exec("sysctl", "-n", key).check().out);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(2, TimeUnit.SECONDS);
        }
        Result pids = host("ip", "netns", "pids", name);
        for (String pid : pids.out.split("\\s+")) {
            if (pid.matches("\\d+")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        host("ip", "netns", "del", name);
    }

    public record Result(int exit, String out) {
        public Result check() throws IOException {
            if (exit != 0) {
                throw new IOException("exit " + exit + ": " + out);
            }
            return this;
        }
    }
}
