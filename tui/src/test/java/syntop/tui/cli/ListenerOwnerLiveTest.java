package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener opened on loopback by a process of another user (nobody): {@code once} names its pid,
 * its name and its user, and so does {@code once --replay} of a recording of it.
 */
@EnabledOnOs(OS.LINUX)
class ListenerOwnerLiveTest {
    /** Listens on a free loopback port as long as its stdin is open; prints the port. */
    private static final String LISTENER = "import socket,sys\n"
            + "s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(5)\n"
            + "print(s.getsockname()[1], flush=True); sys.stdin.read()\n";

    @TempDir
    Path tmp;

    @Test
    void onceAndItsReplayNameTheProcessItsPidAndItsUser() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "runs a process as another user: needs root");
        Process p = new ProcessBuilder("runuser", "-u", "nobody", "--", "python3", "-c", LISTENER)
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            int port = Integer.parseInt(out.readLine().strip());
            // runuser execs python3 in place, so the process listening is the one started
            long pid = p.toHandle().descendants().findFirst().map(ProcessHandle::pid).orElse(p.pid());
            String owner = "\"process\": { \"pid\": " + pid + ", \"name\": \"python3\", \"user\": \"nobody\" }";

            Cli live = Cli.run("once", "--format", "json", "--interval", "0");
            assertTrue(live.exit == 0 || live.exit == 1, live.err);
            assertTrue(flat(listener(live.out, port)).contains(owner), listener(live.out, port));
            Cli text = Cli.run("once", "--interval", "0");
            assertTrue(text.out.lines().anyMatch(l -> l.contains("127.0.0.1:" + port) && l.contains("python3[" + pid
                    + "] user nobody")), text.out);

            Path file = tmp.resolve("owner.syntop");
            Cli rec = Cli.run("record", file.toString(), "--interval", "1", "--duration", "2s");
            assertEquals(0, rec.exit, rec.err);
            Cli replay = Cli.run("once", "--replay", file.toString(), "--format", "json");
            assertTrue(replay.exit == 0 || replay.exit == 1, replay.err);
            assertTrue(flat(listener(replay.out, port)).contains(owner), listener(replay.out, port));
        } finally {
            p.getOutputStream().close();
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String flat(String json) {
        return json.replaceAll("\\s+", " ");
    }

    /** The JSON object of the listener on {@code port}. */
    private static String listener(String json, int port) {
        int at = json.indexOf("\"port\": " + port + ",");
        assertTrue(at > 0, "no listener on :" + port + " in " + json);
        int start = json.lastIndexOf('{', at);
        int end = json.indexOf("\n    }", at);
        return json.substring(start, end < 0 ? json.length() : end + 6);
    }
}
