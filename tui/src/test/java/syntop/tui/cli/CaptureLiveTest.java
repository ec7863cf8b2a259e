package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.bundle.Bundle;
import syntop.collectors.bundle.Limits;
import syntop.collectors.json.JsonReader;
import syntop.collectors.net.Ip;

/**
 * A live capture of this machine, read back with {@code parse --capture}, against {@code once --format
 * json} taken just before and just after it: the same sources with the same health, the same
 * listener with its queue, the same settings, and state counts within the churn of that moment. Its
 * files hold none of this machine's interface or connection addresses, in any form, nor its name.
 */
@EnabledOnOs(OS.LINUX)
class CaptureLiveTest {

    @Test
    void parseCaptureAgreesWithOnce(@TempDir Path dir) throws Exception {
        // backlog 7, three connections never accepted
        try (UnacceptedListener server = UnacceptedListener.open(7, 3)) {
            int port = server.port();
            Map<String, byte[]> real = new LinkedHashMap<>();
            Leaks.fromProcTables(real, Leaks.procTables());
            Map<?, ?> before = json(Cli.run("once", "--format", "json", "--interval", "0"));
            Cli capture = Cli.run("capture", "-o", dir.resolve("bundle") + "/");
            Map<?, ?> after = json(Cli.run("once", "--format", "json", "--interval", "0"));
            Leaks.fromProcTables(real, Leaks.procTables());
            for (byte[] a : HostAddresses.all()) {
                real.put(Ip.format(a), a);
            }
            if (ChildJvm.onPath("ip")) {
                Leaks.fromIpAddr(real, ChildJvm.sh(List.of("ip", "-o", "addr")));
            }
            Leaks.assertNone(Bundle.read(dir.resolve("bundle"), Limits.DEFAULT), real,
                    Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
            assertEquals(0, capture.exit, capture.err);
            assertTrue(capture.out.contains("syntop capture: wrote " + dir.resolve("bundle")), capture.out);
            assertTrue(capture.out.contains("redacted:"), capture.out);
            Cli parsed = Cli.run("parse", "--capture", dir.resolve("bundle").toString());
            assertTrue(parsed.exit == 0 || parsed.exit == 1, parsed.err);
            Map<?, ?> cap = json(parsed);

            assertEquals(health(before), health(cap));
            assertEquals(before.get("tunables"), cap.get("tunables"));
            assertEquals(((Map<?, ?>) before.get("raw_counters")).keySet(), ((Map<?, ?>) cap.get("raw_counters")).keySet());
            for (String counter : List.of("TcpActiveOpens", "TcpPassiveOpens", "TcpExtListenOverflows")) {
                long a = number(before, "raw_counters", counter);
                long c = number(cap, "raw_counters", counter);
                long b = number(after, "raw_counters", counter);
                assertTrue(a <= c && c <= b, counter + ": once " + a + ", capture " + c + ", once " + b);
            }
            for (String state : List.of("listen", "established", "time_wait", "syn_rcvd")) {
                long a = number(before, "states", state);
                long c = number(cap, "states", state);
                long b = number(after, "states", state);
                assertTrue(c >= Math.min(a, b) - 3 && c <= Math.max(a, b) + 3, state + ": capture " + c + ", once " + a + ".." + b);
            }
            Map<?, ?> ours = listener(cap, port);
            assertEquals(listener(before, port), ours, "loopback listeners are not pseudonymised");
            assertEquals(7L, ours.get("limit"));
            assertEquals(3L, ours.get("accept_queue"));
            Map<?, ?> host = (Map<?, ?>) cap.get("host");
            assertTrue(host.get("hostname").toString().matches("host-[0-9a-f]{6}"), host.toString());
            assertEquals(((Map<?, ?>) before.get("host")).get("os_version"), host.get("os_version"));
        }
    }

    @Test
    void aTarGzBundleReadsLikeItsDirectory(@TempDir Path dir) {
        Path gz = dir.resolve("c.tar.gz");
        Cli capture = Cli.run("capture", "--samples", "2", "--interval", "0.2", "--no-redact", "-o", gz.toString());
        assertEquals(0, capture.exit, capture.err);
        capture.outHas("NOT redacted", "2 samples");
        assertTrue(Files.isRegularFile(gz));
        Cli unpacked = Cli.run("capture", "--unpack", gz.toString(), "-o", dir.resolve("d") + "/");
        assertEquals(0, unpacked.exit, unpacked.err);
        assertTrue(Files.isRegularFile(dir.resolve("d/manifest.json")));
        assertTrue(Files.isRegularFile(dir.resolve("d/samples/2/proc/net/snmp")));
        Cli a = Cli.run("parse", "--capture", gz.toString());
        Cli b = Cli.run("parse", "--capture", dir.resolve("d").toString());
        assertEquals(a.out, b.out);
        assertFalse(a.out.isBlank());
        // two samples give rates
        assertTrue(a.out.contains("\"rate_status\": \"ok\""), a.out);
    }

    static Map<?, ?> json(Cli r) {
        assertTrue(r.exit == 0 || r.exit == 1, r.err);
        return (Map<?, ?>) JsonReader.parse(r.out);
    }

    private static List<String> health(Map<?, ?> snapshot) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) snapshot.get("sources")) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.add(m.get("id") + "=" + m.get("health"));
        }
        return out;
    }

    private static long number(Map<?, ?> snapshot, String section, String key) {
        Object v = ((Map<?, ?>) snapshot.get(section)).get(key);
        assertTrue(v instanceof Long, section + "." + key + " = " + v);
        return (Long) v;
    }

    private static Map<?, ?> listener(Map<?, ?> snapshot, int port) {
        for (Object o : (List<?>) snapshot.get("listeners")) {
            Map<?, ?> m = (Map<?, ?>) o;
            if (Long.valueOf(port).equals(m.get("port"))) {
                return m;
            }
        }
        throw new AssertionError("no listener on port " + port + " in " + snapshot.get("listeners"));
    }
}
