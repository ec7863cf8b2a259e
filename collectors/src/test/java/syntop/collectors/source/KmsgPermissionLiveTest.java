package syntop.collectors.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel log read by a user without the right to read it. The real device is tried as user
 * nobody (setpriv, when the tests run as root): under kernel.dmesg_restrict=1 the kernel refuses it
 * with EPERM, and the source says "needs root"; with 0, nobody may read it. Without root, a file
 * without read permission stands in for the device.
 */
@EnabledOnOs(OS.LINUX)
class KmsgPermissionLiveTest {
    private static final Source KMSG = new Source("dev-kmsg", new Acquisition.LogDevice("/dev/kmsg", List.of()),
            t -> { throw new AssertionError(); }, Duration.ofSeconds(1), Source.Cost.CHEAP, true);

    /** Run as {@code java … KmsgPermissionLiveTest}: prints the outcome and detail of one acquisition. */
    public static void main(String[] args) {
        RawOutput r = new Acquirer(new ProcessCommandRunner(), new FsRoot(Path.of(args[0]))).acquire(KMSG);
        System.out.println(r.outcome() + "\t" + r.detail());
    }

    @Test
    void theRealDeviceAsUserNobody() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to switch to user nobody");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv missing");
        assumeTrue(Files.exists(Path.of("/dev/kmsg")), "no /dev/kmsg here");
        String restrict = Files.readString(Path.of("/proc/sys/kernel/dmesg_restrict")).strip();
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = location(Acquirer.class) + File.pathSeparator + location(KmsgPermissionLiveTest.class);
        Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "--inh-caps=-all", java, "-cp", cp, KmsgPermissionLiveTest.class.getName(), "/")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (restrict.equals("1")) {
            assertEquals("PERMISSION_DENIED\t/dev/kmsg: operation not permitted (needs root: kernel.dmesg_restrict is 1)", out);
        } else {
            assertTrue(out.startsWith("COMPLETED"), out);
        }
    }

    @Test
    void aDeviceWithoutReadPermissionAsAnotherUser(@TempDir Path dir) throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads any file whatever its mode");
        Files.createDirectories(dir.resolve("dev"));
        Path dev = Files.writeString(dir.resolve("dev/kmsg"), "6,1,1,-;x\n");
        Files.setPosixFilePermissions(dev, PosixFilePermissions.fromString("---------"));
        RawOutput r = new Acquirer(new ProcessCommandRunner(), new FsRoot(dir)).acquire(KMSG);
        assertEquals(RawOutput.Outcome.PERMISSION_DENIED, r.outcome());
        assertTrue(r.detail().startsWith("/dev/kmsg: permission denied (needs root"), r.detail());
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
