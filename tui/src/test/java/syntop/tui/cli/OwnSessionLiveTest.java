package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
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

import syntop.collectors.action.Netns;
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
        Netns.assumeUsable("ip netns and sshd", "ip", "ssh", "ssh-keygen", "timeout");
        assumeTrue(Files.isExecutable(Path.of(SSHD)), "skipped: no " + SSHD + " (Debian: apt-get install openssh-server)");
    }

    @Test
    void underSshWithTheVariablesStrippedBlockAndDropStillKnowTheOwnSession() throws Exception {
        try (Netns ns = Netns.create("sshd")) {
            ns.exec("ip", "addr", "add", SERVER + "/32", "dev", "lo").check();
            ns.exec("ip", "addr", "add", OPERATOR + "/32", "dev", "lo").check();
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
            // stopped, with whatever else still runs in the namespace, when it closes
            Process sshd = ns.start("timeout", "60", SSHD, "-D", "-e", "-f", config.toString());
            Netns.awaitLine(sshd, "Server listening");

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
        }
    }

    /** Logs in from the operator's address with the test's key and runs {@code command}; its output. */
    private String ssh(Netns ns, String command) throws Exception {
        String out = run("ip", "netns", "exec", ns.name, "timeout", "90", "ssh", "-F", "/dev/null", "-T", "-i",
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
}
