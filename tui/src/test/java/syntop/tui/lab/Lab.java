package syntop.tui.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The project's attack lab (the scripts under {@code lab/}): two network namespaces joined by a
 * veth pair, addresses only inside them. Everything here runs bounded in time.
 */
final class Lab {
    static final Path DIR = LabScripts.dir();
    static final String SERVER_NS = "syntop-srv";
    static final String SERVER_IP = "10.99.0.2";

    private Lab() {
    }

    /** Why the lab cannot run here, or empty when it can. */
    static Optional<String> unavailable() {
        if (!Files.isExecutable(DIR.resolve("netns-up"))) {
            return Optional.of("no lab scripts at " + DIR);
        }
        try {
            Process id = new ProcessBuilder("id", "-u").start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            id.waitFor();
            if (!uid.equals("0")) {
                return Optional.of("not root (uid " + uid + "): network namespaces need root");
            }
            for (String tool : List.of("ip", "hping3", "nft", "python3", "ss", "nstat")) {
                Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
                if (p.waitFor() != 0) {
                    return Optional.of(tool + " is not installed");
                }
            }
            // a clean lab: whatever an earlier or failed run left inside the namespaces goes with them
            run(60, "netns-down");
            Result up = run(60, "netns-up");
            if (up.exit != 0) {
                return Optional.of("netns-up failed (no permission for network namespaces?): " + up.out.strip());
            }
        } catch (IOException | InterruptedException e) {
            return Optional.of("cannot check the lab: " + e);
        }
        return Optional.empty();
    }

    record Result(int exit, String out) {
    }

    /** Runs a lab script to its end (killed after {@code seconds}). */
    static Result run(int seconds, String script, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(DIR.resolve(script).toString());
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return new Result(-1, new String(out, StandardCharsets.UTF_8) + "\n(killed after " + seconds + " s)");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Starts a lab script in the background (its own limits stop it; {@link #stop} ends it early). */
    static Process start(String script, String... args) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(DIR.resolve(script).toString());
        argv.addAll(List.of(args));
        return new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    static void stop(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** Runs a command inside the server namespace and returns its output. */
    static String inServer(String... argv) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", SERVER_NS));
        full.addAll(List.of(argv));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }

    /** Sockets in an ss state (kernel filter) in the server namespace, optionally on one local port. */
    static int count(String ssState, int port) throws IOException, InterruptedException {
        String out = port > 0 ? inServer("ss", "-Htan", "state", ssState, "sport = :" + port)
                : inServer("ss", "-Htan", "state", ssState);
        return (int) out.lines().filter(l -> !l.isBlank()).count();
    }

    /** A TcpExt/Tcp counter as nstat prints it (absolute, without touching nstat's history). */
    static long nstat(String name) throws IOException, InterruptedException {
        for (String line : inServer("nstat", "-asz", name).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2 && f[0].equals(name)) {
                return Long.parseLong(f[1]);
            }
        }
        return 0;
    }
}
