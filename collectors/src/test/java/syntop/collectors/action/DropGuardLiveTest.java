package syntop.collectors.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.os.linux.LinuxInterventions;

/**
 * The drop guard against a real kernel: a server namespace and a client namespace joined by a
 * veth pair (10.99.79.0/24, only there), an "own session" from the client to the server's port
 * 22 and other connections beside it. A drop of every address is refused with nothing run, and a
 * drop of every ESTABLISHED connection with ss -K leaves the own session carrying data while the
 * others go. Skipped, saying why, without root or network namespaces.
 */
@EnabledOnOs(OS.LINUX)
class DropGuardLiveTest {
    private static final String SERVER = "10.99.79.1";
    private static final String OPERATOR = "10.99.79.2";
    private static final String OTHER = "10.99.79.3";

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsRootAndNamespaces() throws Exception {
        Netns.assumeUsable("ip netns and ss -K", "ip", "ss", "python3", "timeout");
    }

    /** Echoes every connection to ports 22 and 9090 until killed. */
    private static final String SERVER_PY = String.join("\n",
            "import socket, threading",
            "def echo(c):",
            "    while True:",
            "        d = c.recv(64)",
            "        if not d: return",
            "        c.sendall(d)",
            "def serve(port):",
            "    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
            "    s.bind(('" + SERVER + "', port)); s.listen(16)",
            "    while True:",
            "        c, _ = s.accept(); threading.Thread(target=echo, args=(c,), daemon=True).start()",
            "for p in (22, 9090): threading.Thread(target=serve, args=(p,), daemon=True).start()",
            "print('READY', flush=True)",
            "threading.Event().wait()");

    /** The operator's session to :22, three more connections from it to :9090, one from another address to :22. */
    private static final String CLIENT_PY = String.join("\n",
            "import socket, sys, time",
            "def conn(src, port):",
            "    for _ in range(50):",
            "        try:",
            "            s = socket.socket(); s.bind((src, 0)); s.connect(('" + SERVER + "', port)); return s",
            "        except OSError: time.sleep(0.1)",
            "    raise SystemExit('cannot connect')",
            "own = conn('" + OPERATOR + "', 22)",
            "others = [conn('" + OPERATOR + "', 9090) for _ in range(3)] + [conn('" + OTHER + "', 22)]",
            "print('READY', flush=True)",
            "sys.stdin.readline()",
            "def alive(s):",
            "    try:",
            "        s.settimeout(2); s.sendall(b'ping'); return s.recv(4) == b'ping'",
            "    except OSError: return False",
            "print('OWN', alive(own), 'OTHERS', sum(alive(s) for s in others), flush=True)");

    @Test
    void aDropOfEveryAddressIsRefusedAndADropOfEveryEstablishedConnectionSparesTheOwnSession() throws Exception {
        try (Netns srv = Netns.create("gsrv"); Netns cli = Netns.create("gcli")) {
            srv.veth(cli, "g", SERVER, OPERATOR, OTHER);
            Process server = srv.start("timeout", "30", "python3", "-c", SERVER_PY);
            assertTrue(nextLine(reader(server)).contains("READY"));
            Process client = cli.start("timeout", "30", "python3", "-c", CLIENT_PY);
            BufferedReader clientOut = reader(client);
            assertTrue(nextLine(clientOut).contains("READY"));
            assertEquals(5, srv.sockets("state established"));

            OwnSession own = new OwnSession(IpPrefix.parse(OPERATOR), OptionalInt.empty(), OptionalInt.of(22), "test");
            Actions.Settings s = new Actions.Settings(false, Identity.of(0, "root"), tmp.resolve("state"),
                    tmp.resolve("audit.log"), List.of(), BlockTarget.DEFAULT, List.of(own), Clock.systemUTC());
            Actions a = new Actions(LinuxInterventions.readingWith(srv.runner()), srv.runner(), s);

            for (String all : List.of("0.0.0.0/0", "::/0")) {
                ActionRefused e = assertThrows(ActionRefused.class, () -> a.drops().drop(ConnectionFilter.of("", "", all)));
                assertTrue(e.getMessage().contains("wider than /"), e.getMessage());
            }
            assertEquals(5, srv.sockets("state established"), "the refused drops dropped nothing");
            assertTrue(!Files.exists(tmp.resolve("audit.log")) || !Files.readString(tmp.resolve("audit.log")).contains("-K"));

            ActionReport r = a.drops().drop(ConnectionFilter.of("established", "", ""));
            assertTrue(r.ok(), r.lines().toString());
            assertTrue(r.summary().startsWith("dropped 4 of 4"), r.summary());
            assertEquals(1, srv.sockets("state established"));
            assertEquals(1, srv.sockets("state established dst " + OPERATOR + " sport = :22"), "the own session is the one left");

            OutputStream in = client.getOutputStream();
            in.write("check\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            assertEquals("OWN True OTHERS 0", nextLine(clientOut), "the own session still carries data, the others are cut");
        }
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String nextLine(BufferedReader out) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                String l = out.readLine();
                return l == null ? "EOF" : l;
            } catch (java.io.IOException e) {
                return "error: " + e;
            }
        });
        return line.get(15, TimeUnit.SECONDS);
    }
}
