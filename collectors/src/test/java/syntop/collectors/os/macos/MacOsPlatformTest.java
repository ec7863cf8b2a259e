package syntop.collectors.os.macos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.os.Platforms;
import syntop.collectors.os.bsd.FakeRunner;
import syntop.collectors.os.bsd.Fixtures;
import syntop.collectors.os.bsd.NetstatTcpStatsParser;
import syntop.collectors.os.bsd.SourceRuns;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.source.Source;

class MacOsPlatformTest {
    private static final HostInfo HOST = new HostInfo("mac1", OsFamily.MACOS, "macOS 14.5");
    private final MacOsPlatform platform = new MacOsPlatform(HOST);

    @Test
    void offlineAndLiveHosts() {
        assertInstanceOf(MacOsPlatform.class, Platforms.offline(OsFamily.MACOS, HOST));
        assertEquals(OsFamily.MACOS, platform.os());
        FakeRunner full = new FakeRunner().answer("mac1\n", "uname", "-n").answer("14.5\n", "sw_vers", "-productVersion");
        assertEquals(HOST, new MacOsPlatform(full).host());
        FakeRunner noSwVers = new FakeRunner().answer("mac1\n", "uname", "-n").answer("Darwin 23.5.0\n", "uname", "-sr");
        assertEquals(new HostInfo("mac1", OsFamily.MACOS, "Darwin 23.5.0"), new MacOsPlatform(noSwVers).host());
        assertEquals(new HostInfo("localhost", OsFamily.MACOS, "macOS (version unknown)"),
                new MacOsPlatform(new FakeRunner()).host());
    }

    @Test
    void zeroedStatisticsNeedRoot() {
        Source s = platform.source(MacOsPlatform.STATS).orElseThrow();
        String text = new String(Fixtures.bytes("macos/11plus-datadog/cmd/netstat-s-p-tcp.txt"), StandardCharsets.UTF_8);
        SourceResult r = SourceRuns.evaluate(s, text, "", 0);
        assertEquals(SourceHealth.NEEDS_ROOT, r.status().health());
        assertEquals(NetstatTcpStatsParser.NEEDS_ROOT, r.status().detail());
    }

    @Test
    void pfctlWithoutRootNeedsRoot() {
        Source pf = platform.source(MacOsPlatform.PF_INFO).orElseThrow();
        SourceResult r = SourceRuns.evaluate(pf, "", "No ALTQ support in kernel\nALTQ related functions disabled\n"
                + "pfctl: /dev/pf: Permission denied\n", 1);
        assertEquals(SourceHealth.NEEDS_ROOT, r.status().health());
    }
}
