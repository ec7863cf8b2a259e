package syntop.collectors.os.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import syntop.collectors.Pasted;
import syntop.collectors.bundle.BundleReader;
import syntop.collectors.bundle.BundleTaker;
import syntop.collectors.bundle.HostFacts;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.Pipeline;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;
import syntop.collectors.os.freebsd.FreeBsdPlatform;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.FsRoot;

/**
 * A FreeBSD capture taken without root (pfctl refuses), from saved outputs: the manifest and the
 * printed summary say "needs root", the bundle replays, and the fixture walker takes every
 * command file of it by the source's own id.
 */
class BsdCaptureBundleTest {
    @Test
    void aFreeBsdCaptureWithoutRootSaysPfNeedsRootAndIsWalkedAsAFixture(@TempDir Path dir) throws Throwable {
        FakeRunner runner = new FakeRunner()
                .answer(text("freebsd/synthetic-netstat-s-14/cmd/netstat-s-p-tcp.txt"), "netstat", "-s", "-p", "tcp")
                .answer(text("freebsd/synthetic-netstat-Lan-14/cmd/netstat-Lan.txt"), "netstat", "-Lan")
                .answer(text("freebsd/synthetic-netstat-an-synrcvd/cmd/netstat-an-p-tcp.txt"), "netstat", "-an", "-p", "tcp")
                .fail(1, "pfctl: /dev/pf: Permission denied\n", "pfctl", "-si")
                .fail(1, "pfctl: /dev/pf: Permission denied\n", "pfctl", "-sm")
                .answer(text("freebsd/12.1-jc/cmd/sysctl-net.inet.tcp.txt"), FreeBsdPlatform.SYSCTL.toArray(String[]::new))
                .answer(text("freebsd/13ish-monero8210-PARTIAL/cmd/dmesg.txt"), "dmesg")
                .answer("web1\n", "uname", "-n")
                .answer("FreeBSD 14.1-RELEASE\n", "uname", "-sr");
        FreeBsdPlatform platform = new FreeBsdPlatform(runner);
        HostFacts facts = new HostFacts("FreeBSD", "14.1-RELEASE", "14.1-RELEASE", "amd64", ByteOrder.LITTLE_ENDIAN, "C",
                1001, List.of("web1"), List.of());
        List<BundleTaker.RawSample> taken = BundleTaker.sample(platform, new Acquirer(runner, FsRoot.live()), 1,
                Duration.ofSeconds(1), Clock.systemUTC(), System::nanoTime);
        BundleTaker.Result r = BundleTaker.build(platform, taken, facts, "test", Duration.ofSeconds(1), true,
                new SecureRandom());
        assertTrue(r.missing().contains("pfctl -si: needs root (pfctl: /dev/pf: Permission denied)"),
                r.missing().toString());
        assertEquals("needs_root", r.manifest().samples().get(0).source(FreeBsdPlatform.PF_INFO).orElseThrow().health());
        assertFalse(r.manifest().host().root());
        assertTrue(r.bundle().file("cmd/pfctl-si.err").isPresent());
        assertEquals("1\n", new String(r.bundle().file("cmd/pfctl-si.exit").orElseThrow(), StandardCharsets.US_ASCII));

        Snapshot replayed = Pipeline.lastOf(BundleReader.of(r.bundle()), Thresholds.defaults()).snapshot();
        assertEquals(SourceHealth.NEEDS_ROOT, replayed.source(FreeBsdPlatform.PF_INFO).orElseThrow().health());
        assertTrue(replayed.states().get(TcpState.SYN_RCVD) > 0);

        r.bundle().writeDirectory(dir.resolve("freebsd").resolve(r.bundle().name()));
        List<DynamicTest> walked = BsdFixtureTest.goldensUnder(dir).toList();
        assertEquals(7 * Pasted.ALL.size(), walked.size(), "one per command of the platform, as captured and as pasted");
        for (DynamicTest t : walked) {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> t.getExecutable().execute());
            assertTrue(e.getMessage().contains("no golden"), t.getDisplayName() + ": " + e.getMessage());
        }
    }

    private static String text(String fixture) {
        return new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
    }
}
