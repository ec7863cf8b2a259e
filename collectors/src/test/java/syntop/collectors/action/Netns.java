package syntop.collectors.action;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    /**
     * Skips the calling tests, saying why, unless they run as root ({@code rootFor}: what needs it),
     * every one of {@code tools} is installed and {@code ip netns add} works here.
     */
    public static void assumeUsable(String rootFor, String... tools) throws IOException, InterruptedException {
        assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "skipped: needs root for " + rootFor);
        for (String tool : List.of(tools)) {
            assumeTrue(new ProcessCommandRunner().resolve(tool).isPresent(), "skipped: " + tool + " is not installed");
        }
        String probe = "syntop-act-probe-" + ProcessHandle.current().pid();
        Result r = host("ip", "netns", "add", probe);
        host("ip", "netns", "del", probe);
        assumeTrue(r.exit() == 0, "skipped: ip netns add failed: " + r.out().strip());
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

    /**
     * Joins this namespace to {@code peer} by a veth pair named after {@code tag} (a letter or two)
     * and this JVM's pid, with {@code address} on this side and {@code peerAddresses} on the other,
     * all in one /24; both ends up.
     */
    public void veth(Netns peer, String tag, String address, String... peerAddresses) throws IOException, InterruptedException {
        String here = "sy" + tag + ProcessHandle.current().pid() % 100000 + "s";
        String there = "sy" + tag + ProcessHandle.current().pid() % 100000 + "c";
        exec("ip", "link", "add", here, "type", "veth", "peer", "name", there).check();
        exec("ip", "link", "set", there, "netns", peer.name).check();
        exec("ip", "addr", "add", address + "/24", "dev", here).check();
        exec("ip", "link", "set", here, "up").check();
        for (String a : peerAddresses) {
            peer.exec("ip", "addr", "add", a + "/24", "dev", there).check();
        }
        peer.exec("ip", "link", "set", there, "up").check();
    }

    /** How many TCP sockets {@code ss -Htn FILTER} lists in this namespace ({@code "state established sport = :22"}). */
    public long sockets(String filter) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("ss", "-H", "-t", "-n"));
        argv.addAll(List.of(filter.split(" ")));
        return exec(argv.toArray(String[]::new)).check().out().lines().filter(l -> !l.isBlank()).count();
    }

    /** Reads {@code p}'s output until a line holds {@code want} (within 15 s), failing with what it printed instead. */
    public static String awaitLine(Process p, String want) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                String l;
                while ((l = in.readLine()) != null) {
                    if (l.contains(want)) {
                        return l;
                    }
                    seen.append(l).append('\n');
                }
            } catch (IOException e) {
                seen.append(e);
            }
            return "EOF: " + seen;
        });
        String got = line.get(15, TimeUnit.SECONDS);
        assertTrue(got.contains(want), got);
        return got;
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
