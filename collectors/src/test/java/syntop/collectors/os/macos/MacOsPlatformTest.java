package syntop.collectors.os.macos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.os.Platforms;
import syntop.collectors.os.bsd.FakeRunner;
import syntop.collectors.os.bsd.Fixtures;
import syntop.collectors.os.bsd.NetstatTcpStatsParser;
import syntop.collectors.platform.SourceEvaluation;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.Source;

class MacOsPlatformTest {
    private static final HostInfo HOST = new HostInfo("mac1", OsFamily.MACOS, "macOS 14.5");
    private final MacOsPlatform platform = new MacOsPlatform(HOST);

    private static SourceResult evaluate(Source s, String stdout, String stderr, int exit) {
        RawOutput raw = new RawOutput(s.id(), RawOutput.Outcome.COMPLETED,
                List.of(new RawPart("stdout", stdout.getBytes(StandardCharsets.UTF_8))), stderr, exit, Duration.ofMillis(5), "");
        return SourceEvaluation.evaluate(s, raw, Duration.ofSeconds(1));
    }

    @Test
    void sourcesInPriorityOrderWithArgvSlugsAsIds() {
        List<String> ids = platform.sources().stream().map(Source::id).toList();
        assertEquals(List.of("netstat-s-p-tcp", "netstat-aLn-p-tcp", "netstat-an-p-tcp", "pfctl-si", "pfctl-sm",
                MacOsPlatform.TUNABLES_ID, MacOsPlatform.KERNEL_LOG), ids);
        assertEquals("sysctl", MacOsPlatform.TUNABLES_ID);
        assertEquals("sysctl", platform.source(Source.slug(MacOsPlatform.SYSCTL)).orElseThrow().id(), "its former id");
        for (Source s : platform.sources()) {
            String slug = Source.slug(assertInstanceOf(Acquisition.Command.class, s.acquisition()).argv());
            assertEquals(s.id().equals(MacOsPlatform.TUNABLES_ID) ? "sysctl" : slug, s.id());
        }
        assertEquals(Source.Cost.TABLE, platform.source(MacOsPlatform.CONNECTIONS).orElseThrow().cost());
    }

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
        SourceResult r = evaluate(s, text, "", 0);
        assertEquals(SourceHealth.NEEDS_ROOT, r.status().health());
        assertEquals(NetstatTcpStatsParser.NEEDS_ROOT, r.status().detail());
    }

    @Test
    void pfctlWithoutRootNeedsRoot() {
        Source pf = platform.source(MacOsPlatform.PF_INFO).orElseThrow();
        SourceResult r = evaluate(pf, "", "No ALTQ support in kernel\nALTQ related functions disabled\n"
                + "pfctl: /dev/pf: Permission denied\n", 1);
        assertEquals(SourceHealth.NEEDS_ROOT, r.status().health());
    }

    @Test
    void sysctlKeysMissingOnOlderMacOsAreANoteNotAFailure() {
        Source s = platform.source(MacOsPlatform.TUNABLES_ID).orElseThrow();
        String stdout = "kern.ipc.somaxconn: 128\nnet.inet.tcp.msl: 15000\nnet.inet.tcp.keepinit: 75000\n"
                + "net.inet.tcp.blackhole: 0\nnet.inet.tcp.drop_synfin: 1\nnet.inet.tcp.tcp_lq_overflow: 1\n"
                + "net.inet.tcp.disable_access_to_stats: 1\nnet.inet.tcp.pcbcount: 301\nnet.inet.tcp.tw_pcbcount: 0\n"
                + "net.inet.ip.portrange.first: 49152\nnet.inet.ip.portrange.last: 65535\n";
        SourceResult r = evaluate(s, stdout, "net: class is not implemented\n", 1);
        assertEquals(SourceHealth.OK, r.status().health());
        assertEquals("asked for but not printed (unknown keys go to stderr): net.inet.tcp.fin_timeout", r.status().detail());
        assertEquals("1", r.parsed().value().tunables().get("net.inet.tcp.disable_access_to_stats"));
    }
}
