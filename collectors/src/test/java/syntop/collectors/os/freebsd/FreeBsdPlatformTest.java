package syntop.collectors.os.freebsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.TcpState;
import syntop.collectors.os.Platforms;
import syntop.collectors.os.bsd.FakeRunner;
import syntop.collectors.os.bsd.Fixtures;
import syntop.collectors.os.bsd.SourceRuns;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.SnapshotMerge;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.Source;

class FreeBsdPlatformTest {
    private static final HostInfo HOST = new HostInfo("fbsd1", OsFamily.FREEBSD, "FreeBSD 14.0-RELEASE");
    private final FreeBsdPlatform platform = new FreeBsdPlatform(HOST);

    @Test
    void theSettingsSourceStillAnswersToItsFormerArgvSlug() {
        // the settings source's slug was its id; recordings and bundles of that time still find it
        String former = "sysctl-net.inet.tcp.syncache-net.inet.tcp.syncookies-net.inet.tcp.syncookies_only-kern.ipc."
                + "somaxconn-net.inet.tcp.msl-net.inet.tcp.keepinit-net.inet.tcp.finwait2_timeout-net.inet.tcp.maxtcptw-"
                + "net.inet.tcp.blackhole-net.inet.tcp.drop_synfin-net.inet.ip.portrange.first-net.inet.ip.portrange.last";
        assertEquals("sysctl", platform.source(former).orElseThrow().id());
        assertEquals(List.of("netstat", "-Lan"), FreeBsdPlatform.NETSTAT_LISTEN);
    }

    @Test
    void offlineAndLiveHosts() {
        assertEquals(OsFamily.FREEBSD, platform.os());
        assertEquals(HOST, platform.host());
        Platform offline = Platforms.offline(OsFamily.FREEBSD, HOST);
        assertInstanceOf(FreeBsdPlatform.class, offline);
        FakeRunner runner = new FakeRunner().answer("fbsd1\n", "uname", "-n").answer("FreeBSD 14.0-RELEASE\n", "uname", "-sr");
        assertEquals(HOST, new FreeBsdPlatform(runner).host());
        assertEquals(new HostInfo("localhost", OsFamily.FREEBSD, "FreeBSD (version unknown)"),
                new FreeBsdPlatform(new FakeRunner()).host());
        CommandRunner broken = (argv, timeout, max) -> {
            throw new IllegalStateException("no processes here");
        };
        assertEquals("localhost", new FreeBsdPlatform(broken).host().hostname());
    }

    @Test
    void pfNotLoadedIsUnavailable() {
        Source pf = platform.source(FreeBsdPlatform.PF_INFO).orElseThrow();
        SourceResult r = SourceRuns.evaluate(pf, "", "pfctl: /dev/pf: No such file or directory\n", 1);
        assertEquals(SourceHealth.UNAVAILABLE, r.status().health());
    }

    @Test
    void kernelStateCountsWinOverTheListing() {
        List<SnapshotMerge.Contribution> parts = new ArrayList<>();
        Map<String, String> fixtures = Map.of(
                FreeBsdPlatform.STATS, "freebsd/synthetic-netstat-s-14/cmd/netstat-s-p-tcp.txt",
                FreeBsdPlatform.LISTEN, "freebsd/synthetic-netstat-Lan-14/cmd/netstat-Lan.txt",
                FreeBsdPlatform.CONNECTIONS, "freebsd/synthetic-netstat-an-synrcvd/cmd/netstat-an-p-tcp.txt",
                FreeBsdPlatform.PF_INFO, "freebsd/13or14-tykling/cmd/pfctl-vvs-info.txt",
                FreeBsdPlatform.PF_MEMORY, "freebsd/synthetic-pfctl-sm/cmd/pfctl-sm.txt",
                FreeBsdPlatform.TUNABLES_ID, "freebsd/12.1-jc/cmd/sysctl-net.inet.tcp.txt",
                FreeBsdPlatform.KERNEL_LOG, "freebsd/13ish-monero8210-PARTIAL/cmd/dmesg.txt");
        for (Source s : platform.sources()) {
            String text = new String(Fixtures.bytes(fixtures.get(s.id())), StandardCharsets.UTF_8);
            SourceResult r = SourceRuns.evaluate(s, text, "", 0);
            assertEquals(SourceHealth.OK, r.status().health(), s.id() + ": " + r.status().detail());
            parts.add(new SnapshotMerge.Contribution(r.parsed().value(), r.status()));
        }
        Snapshot snap = SnapshotMerge.merge(Instant.EPOCH, 0, HOST, parts);
        assertEquals(12403, snap.states().get(TcpState.SYN_RCVD)); // netstat -s, listed first, not the 10 rows of -an
        assertEquals(7, snap.listeners().size());
        assertEquals(5, snap.remotes(TcpState.SYN_RCVD).get(0).count());
        assertEquals(10000, snap.counters().get(CounterId.PF_STATE_LIMIT).orElseThrow());
        assertEquals(904311, snap.counters().get(CounterId.SYNCACHE_ADDED).orElseThrow());
        assertEquals(15364, snap.counters().get(CounterId.SYNCACHE_LIMIT).orElseThrow());
        assertTrue(snap.tunable("pfctl.syncookies.mode").isPresent());
    }
}
