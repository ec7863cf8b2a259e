package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.bundle.Bundle;
import syntop.collectors.bundle.Limits;
import syntop.collectors.bundle.Manifest;
import syntop.collectors.json.JsonReader;
import syntop.tui.lab.LabScripts;

/**
 * {@code syntop capture} as a separate process: headless (the console library is never loaded),
 * without root (the manifest says so), and inside the attack lab's server namespace with addresses
 * planted there, where no real address may survive in any form.
 */
@EnabledOnOs(OS.LINUX)
class CaptureProcessTest {

    @Test
    void captureNeverLoadsTheConsoleLibrary(@TempDir Path dir) throws Exception {
        ChildJvm r = ChildJvm.run(List.of(), System.getProperty("java.class.path"), List.of("-verbose:class"), dir,
                "capture", "-o", dir.resolve("b") + "/");
        assertEquals(0, r.exit, r.out);
        assertTrue(r.out.contains("syntop.collectors.bundle.BundleTaker"), "class loading was not logged");
        assertFalse(r.out.contains("com.googlecode.lanterna"), "capture loaded the console library");
    }

    @Test
    void aCaptureWithoutRootSaysSoInTheManifest() throws Exception {
        assumeTrue(ChildJvm.root(), "needs root to run the capture as another user");
        List<String> asNobody;
        if (ChildJvm.onPath("setpriv")) {
            asNobody = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
        } else if (ChildJvm.onPath("runuser")) {
            asNobody = List.of("runuser", "-u", "nobody", "--");
        } else {
            assumeTrue(false, "neither setpriv nor runuser to drop root");
            return;
        }
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "syntop-capture-test");
        try {
            String cp = ChildJvm.worldReadableClassPath(Files.createDirectory(dir.resolve("cp")));
            Path out = Files.createDirectory(dir.resolve("out"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
            ChildJvm r = ChildJvm.run(asNobody, cp, List.of(), out, "capture", "-o", out.resolve("b") + "/");
            assertEquals(0, r.exit, r.out);
            assertTrue(r.out.contains("ran as uid 65534, not root"), r.out);
            Manifest m = Bundle.read(out.resolve("b"), Limits.DEFAULT).manifest();
            assertFalse(m.host().root());
            assertEquals(65534, m.host().uid());
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * The lab's namespaces, a listener with a few connections from the client namespace, plus an IPv6
     * address planted on the server namespace's loopback device (it cannot leave that namespace) with
     * connections to itself and IPv4-mapped peers on a dual-stack socket. The capture runs inside the
     * server namespace; afterwards every address that namespace has, in every text and hex form, is
     * looked for in every file of the bundle.
     */
    @Test
    void noRealAddressSurvivesACaptureInTheLab(@TempDir Path dir) throws Exception {
        assumeTrue(ChildJvm.root(), "needs root for network namespaces");
        assumeTrue(ChildJvm.onPath("ip"), "needs iproute2's ip");
        assumeTrue(ChildJvm.onPath("python3"), "needs python3 for the lab's helpers");
        Path lab = LabScripts.dir();
        assumeTrue(Files.isExecutable(lab.resolve("netns-up")), "no attack lab at " + lab
                + " (set -Dsyntop.lab or SYNTOP_LAB)");
        try {
            ChildJvm.sh(List.of(lab.resolve("netns-up").toString()));
        } catch (AssertionError e) {
            assumeTrue(false, "the lab's namespaces cannot be made here: " + e.getMessage());
        }
        int port = 20000 + (int) (ProcessHandle.current().pid() % 10000);
        String v6 = "fd99:5e:1::2";
        List<Long> pids = new ArrayList<>();
        Process helper = null;
        ChildJvm.sh(List.of("ip", "-n", Lab.SERVER, "addr", "replace", v6 + "/64", "dev", "lo", "nodad"));
        try {
            String listener = ChildJvm.sh(List.of(lab.resolve("listener").toString(), "-p", String.valueOf(port), "-b", "16",
                    "-t", "90")).strip();
            pids.add(Long.parseLong(listener.substring(listener.lastIndexOf('\n') + 1).strip()));
            ChildJvm.sh(List.of(lab.resolve("connburst").toString(), "-p", String.valueOf(port), "-c", "5", "-t", "30"));
            Path burstPid = Path.of("/tmp/syntop-lab/connburst-" + port + ".pid");
            if (Files.exists(burstPid)) {
                pids.add(Long.parseLong(Files.readString(burstPid).strip()));
            }
            helper = new ProcessBuilder("ip", "netns", "exec", Lab.SERVER, "python3", "-c", HELPER, v6,
                    String.valueOf(port + 1), String.valueOf(port + 2), "60").redirectErrorStream(true).start();
            BufferedReader r = new BufferedReader(new InputStreamReader(helper.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("READY", r.readLine(), "the IPv6 helper did not start");

            ChildJvm cap = ChildJvm.run(List.of("ip", "netns", "exec", Lab.SERVER), System.getProperty("java.class.path"),
                    List.of(), dir, "capture", "--samples", "2", "--interval", "0.3", "-o", dir.resolve("b") + "/");
            assertEquals(0, cap.exit, cap.out);
            Bundle bundle = Bundle.read(dir.resolve("b"), Limits.DEFAULT);

            Map<String, byte[]> real = new LinkedHashMap<>();
            Leaks.fromIpAddr(real, ChildJvm.sh(List.of("ip", "netns", "exec", Lab.SERVER, "ip", "-o", "addr")));
            Leaks.fromIpAddr(real, ChildJvm.sh(List.of("ip", "-o", "addr")));
            Leaks.fromProcTables(real, ChildJvm.sh(List.of("ip", "netns", "exec", Lab.SERVER, "cat", "/proc/net/tcp",
                    "/proc/net/tcp6")));
            for (String planted : List.of("10.99.0.1", "10.99.0.2", v6, "::ffff:10.99.0.2")) {
                assertTrue(real.containsKey(planted), planted + " was not seen in the namespace: " + real.keySet());
            }
            Leaks.assertNone(bundle, real, Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
            // what was there is still there, under pseudonyms
            List<String> ssArgv = ((syntop.collectors.source.Acquisition.Command) new syntop.collectors.os.linux.LinuxPlatform(
                    new syntop.collectors.model.HostInfo("x", syntop.collectors.model.OsFamily.LINUX, "x"))
                    .source(syntop.collectors.os.linux.LinuxPlatform.SS_STATES).orElseThrow().acquisition()).argv();
            String ss = new String(bundle.file(syntop.collectors.bundle.Layout.commandBase(ssArgv) + ".txt").orElseThrow(),
                    StandardCharsets.UTF_8);
            assertTrue(Pattern.compile(" 10\\.\\d+\\.\\d+\\.\\d+:" + port + " ").matcher(ss).find(), ss);
            assertTrue(Pattern.compile("\\[fd[0-9a-f:]+]:" + (port + 1) + " ").matcher(ss).find(), ss);
            Map<?, ?> snap = CaptureLiveTest.json(Cli.run("parse", "--capture", dir.resolve("b").toString()));
            boolean found = false;
            for (Object o : (List<?>) snap.get("listeners")) {
                Map<?, ?> q = (Map<?, ?>) o;
                if (Long.valueOf(port).equals(q.get("port"))) {
                    found = true;
                    assertEquals(5L, q.get("accept_queue"), q.toString());
                    assertEquals(16L, q.get("limit"), q.toString());
                    assertTrue(q.get("address").toString().startsWith("10."), q.toString());
                    assertFalse(q.get("address").toString().equals("10.99.0.2"), q.toString());
                }
            }
            assertTrue(found, "no listener on " + port + " in " + snap.get("listeners"));
            Map<?, ?> manifest = (Map<?, ?>) JsonReader.parse(new String(bundle.file("manifest.json").orElseThrow(),
                    StandardCharsets.UTF_8));
            assertEquals(Boolean.TRUE, ((Map<?, ?>) manifest.get("redaction")).get("applied"));
        } finally {
            if (helper != null) {
                helper.destroy();
                helper.waitFor(5, TimeUnit.SECONDS);
            }
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
            // the lab's namespaces go with what is left in them, as the lab tests leave them
            ChildJvm.sh(List.of(lab.resolve("netns-down").toString()));
        }
    }

    /** Listens on the planted IPv6 address and connects to it, and takes IPv4 peers on a dual-stack socket. */
    private static final String HELPER = String.join("\n",
            "import socket, sys, time",
            "addr, p6, pd, hold = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])",
            "s = socket.socket(socket.AF_INET6)",
            "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
            "s.bind((addr, p6)); s.listen(8)",
            "c = [socket.create_connection((addr, p6), timeout=5) for _ in range(3)]",
            "d = socket.socket(socket.AF_INET6)",
            "d.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)",
            "d.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
            "d.bind(('::', pd)); d.listen(8)",
            "e = [socket.create_connection(('10.99.0.2', pd), timeout=5) for _ in range(2)]",
            "print('READY', flush=True)",
            "time.sleep(hold)");

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
