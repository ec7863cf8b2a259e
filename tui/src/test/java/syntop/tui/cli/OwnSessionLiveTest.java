package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.source.ProcessCommandRunner;

/**
 * A real OpenSSH login, and syntop run inside it with the SSH variables gone (as sudo's env_reset
 * leaves them): it must still find the session and refuse to block its peer. sshd runs on
 * 10.99.80.1:2222 in a network namespace this test creates (both addresses on its loopback), the
 * client logs in from 10.99.80.2 with a key made here, and nothing of the host's SSH setup is
 * used (its own config, host key and authorized keys, all under a temporary directory). Skipped,
 * saying why, without root, network namespaces or OpenSSH's server.
 */
@EnabledOnOs(OS.LINUX)
class OwnSessionLiveTest {
    private static final String SERVER = "10.99.80.1";
    private static final String OPERATOR = "10.99.80.2";
    private static final String SSHD = "/usr/sbin/sshd";

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsRootNamespacesAndOpenSsh() throws Exception {
        assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "skipped: needs root for ip netns and sshd");
        assumeTrue(Files.isExecutable(Path.of(SSHD)), "skipped: no " + SSHD + " (Debian: apt-get install openssh-server)");
        for (String tool : List.of("ip", "ssh", "ssh-keygen", "timeout")) {
            assumeTrue(new ProcessCommandRunner().resolve(tool).isPresent(), "skipped: " + tool + " is not installed");
        }
    }

    @Test
    void underSshWithTheVariablesStrippedBlockAndDropStillKnowTheOwnSession() throws Exception {
        String ns = "syntop-act-sshd-" + ProcessHandle.current().pid();
        run("ip", "netns", "add", ns);
        Process sshd = null;
        try {
            run("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
            run("ip", "netns", "exec", ns, "ip", "addr", "add", SERVER + "/32", "dev", "lo");
            run("ip", "netns", "exec", ns, "ip", "addr", "add", OPERATOR + "/32", "dev", "lo");
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", tmp.resolve("host").toString());
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", tmp.resolve("client").toString());
            Files.copy(tmp.resolve("client.pub"), tmp.resolve("authorized_keys"));
            Path config = Files.writeString(tmp.resolve("sshd_config"), String.join("\n",
                    "ListenAddress " + SERVER + ":2222",
                    "HostKey " + tmp.resolve("host"),
                    "AuthorizedKeysFile " + tmp.resolve("authorized_keys"),
                    // the temporary directory sits under the world-writable /tmp
                    "StrictModes no",
                    "UsePAM no",
                    "PermitRootLogin prohibit-password",
                    "PidFile none", ""));
            // sshd's privilege separation directory; the Debian service makes it at start
            Files.createDirectories(Path.of("/run/sshd"));
            sshd = new ProcessBuilder("ip", "netns", "exec", ns, "timeout", "60", SSHD, "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true).start();
            awaitLine(sshd, "Server listening");

            String java = ChildJvm.java();
            String cp = System.getProperty("java.class.path");
            String syntop = "'" + java + "' -cp '" + cp + "' syntop.tui.Main";
            String stripped = "env -u SSH_CONNECTION -u SSH_CLIENT";
            List<String> inside = new ArrayList<>(List.of(
                    "echo \"outside=[$SSH_CONNECTION]\"",
                    stripped + " sh -c 'echo \"stripped=[$SSH_CONNECTION$SSH_CLIENT]\"'",
                    stripped + " " + syntop + " block " + OPERATOR + " --dry-run; echo \"block exit=$?\"",
                    stripped + " " + syntop + " drop --state established --dry-run; echo \"drop exit=$?\""));
            boolean sudo = new ProcessCommandRunner().resolve("sudo").isPresent();
            if (sudo) {
                inside.add("sudo -n " + syntop + " block " + OPERATOR + " --dry-run; echo \"sudo block exit=$?\"");
            }
            String out = ssh(ns, String.join("; ", inside));

            assertTrue(out.contains("outside=[" + OPERATOR + " "), "the login itself has the variable: " + out);
            assertTrue(out.contains("stripped=[]"), out);
            assertTrue(out.contains("syntop does not block " + OPERATOR + ": your own session comes from " + OPERATOR), out);
            assertTrue(out.contains("block exit=2"), out);
            assertTrue(out.contains("drop ESTABLISHED connections except from " + OPERATOR + " to local port 2222"), out);
            assertTrue(out.contains("not '(' dst " + OPERATOR + " sport = :2222 ')'"), out);
            assertTrue(out.contains("drop exit=0"), out);
            if (sudo) {
                assertTrue(out.contains("sudo block exit=2"), out);
            }
        } finally {
            if (sshd != null) {
                sshd.descendants().forEach(ProcessHandle::destroyForcibly);
                sshd.destroyForcibly();
                sshd.waitFor(5, TimeUnit.SECONDS);
            }
            for (String pid : run("ip", "netns", "pids", ns).split("\\s+")) {
                if (pid.matches("\\d+")) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            run("ip", "netns", "del", ns);
        }
    }

    /** Logs in from the operator's address with the test's key and runs {@code command}; its output. */
    private String ssh(String ns, String command) throws Exception {
        String out = run("ip", "netns", "exec", ns, "timeout", "90", "ssh", "-F", "/dev/null", "-T", "-i",
                tmp.resolve("client").toString(), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-b", OPERATOR, "-p", "2222",
                "root@" + SERVER, command);
        return out;
    }

    private static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", argv) + " did not finish in 120 s");
        }
        String text = new String(out.join(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", argv) + ": " + text);
        return text;
    }

    private static void awaitLine(Process p, String want) throws Exception {
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
    }
}
