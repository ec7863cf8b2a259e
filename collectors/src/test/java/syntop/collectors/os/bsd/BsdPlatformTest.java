package syntop.collectors.os.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Reading;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.os.Platforms;
import syntop.collectors.os.freebsd.FreeBsdPlatform;
import syntop.collectors.os.macos.MacOsPlatform;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.Source;

/** What FreeBSD and macOS do alike as platforms, asked of each. */
class BsdPlatformTest {
    /**
     * One BSD: its platform, its listen-queue source's id, and a {@code sysctl} run of its keys
     * (synthetic, in {@code sysctl}'s "key: value" shape) that printed all but {@code missingKey}, and
     * what that run must give that only this OS has.
     */
    record Bsd(BsdPlatform platform, String listenId, String ownersId, String sysctlStdout, String sysctlStderr,
               String missingKey, Consumer<Reading> ownKeys) {
        @Override
        public String toString() {
            return platform.os().token();
        }
    }

    static Stream<Bsd> bsds() {
        return Stream.of(
                new Bsd(new FreeBsdPlatform(new HostInfo("fbsd1", OsFamily.FREEBSD, "FreeBSD 14.0-RELEASE")), "netstat-Lan",
                        "sockstat-l-P-tcp",
                        "net.inet.tcp.syncache.count: 3\nnet.inet.tcp.syncache.cachelimit: 15364\nnet.inet.tcp.syncookies: 1\n"
                                + "net.inet.tcp.syncookies_only: 0\nnet.inet.tcp.msl: 30000\nnet.inet.tcp.keepinit: 75000\n"
                                + "net.inet.tcp.finwait2_timeout: 60000\nnet.inet.tcp.maxtcptw: 12860\nnet.inet.tcp.blackhole: 0\n"
                                + "net.inet.tcp.drop_synfin: 0\nnet.inet.ip.portrange.first: 10000\nnet.inet.ip.portrange.last: 65535\n",
                        "sysctl: unknown oid 'kern.ipc.somaxconn'\n", "kern.ipc.somaxconn",
                        r -> assertEquals(15364, r.counters().get(CounterId.SYNCACHE_LIMIT).orElseThrow())),
                new Bsd(new MacOsPlatform(new HostInfo("mac1", OsFamily.MACOS, "macOS 14.5")), "netstat-aLn-p-tcp",
                        "lsof-nP-iTCP-sTCP:LISTEN-FpcuLftn",
                        "kern.ipc.somaxconn: 128\nnet.inet.tcp.msl: 15000\nnet.inet.tcp.keepinit: 75000\n"
                                + "net.inet.tcp.blackhole: 0\nnet.inet.tcp.drop_synfin: 1\nnet.inet.tcp.tcp_lq_overflow: 1\n"
                                + "net.inet.tcp.disable_access_to_stats: 1\nnet.inet.tcp.pcbcount: 301\nnet.inet.tcp.tw_pcbcount: 0\n"
                                + "net.inet.ip.portrange.first: 49152\nnet.inet.ip.portrange.last: 65535\n",
                        "net: class is not implemented\n", "net.inet.tcp.fin_timeout",
                        r -> assertEquals("1", r.tunables().get("net.inet.tcp.disable_access_to_stats"))));
    }

    @ParameterizedTest
    @MethodSource("bsds")
    void sourcesInPriorityOrderWithArgvSlugsAsIds(Bsd bsd) {
        BsdPlatform p = bsd.platform();
        assertEquals(List.of("netstat-s-p-tcp", bsd.listenId(), "netstat-an-p-tcp", "pfctl-si", "pfctl-sm", "sysctl", "dmesg",
                bsd.ownersId()), p.sources().stream().map(Source::id).toList());
        Source owners = p.source(bsd.ownersId()).orElseThrow();
        assertTrue(owners.background(), "sockstat and lsof are read without holding a tick");
        assertEquals(Source.SETTINGS_EVERY, owners.every(), "at the settings' pace");
        for (Source s : p.sources()) {
            Acquisition.Command c = assertInstanceOf(Acquisition.Command.class, s.acquisition());
            assertEquals(s.id().equals(BsdPlatform.TUNABLES_ID) ? "sysctl" : Source.slug(c.argv()), s.id());
            assertEquals(s.id().equals(BsdPlatform.CONNECTIONS) ? Source.Cost.TABLE : Source.Cost.CHEAP, s.cost());
        }
        assertEquals(Duration.ofSeconds(1), p.source(BsdPlatform.CONNECTIONS).orElseThrow().budget());
        Acquisition.Command sysctl = (Acquisition.Command) p.source(BsdPlatform.TUNABLES_ID).orElseThrow().acquisition();
        assertEquals("sysctl", p.source(Source.slug(sysctl.argv())).orElseThrow().id(), "its former id, the argv slug");
    }

    @ParameterizedTest
    @MethodSource("bsds")
    void offlinePlatformIsTheOsOwn(Bsd bsd) {
        BsdPlatform p = bsd.platform();
        assertEquals(p.getClass(), Platforms.offline(p.os(), p.host()).getClass());
        assertEquals(p.host().os(), p.os());
        assertEquals(p.os(), p.interventions(new FakeRunner(), FsRoot.live()).orElseThrow().os());
    }

    @ParameterizedTest
    @MethodSource("bsds")
    void pfctlWithoutRootNeedsRoot(Bsd bsd) {
        for (String id : List.of(BsdPlatform.PF_INFO, BsdPlatform.PF_MEMORY)) {
            Source pf = bsd.platform().source(id).orElseThrow();
            SourceResult r = SourceRuns.evaluate(pf, "", "pfctl: /dev/pf: Permission denied\n", 1);
            assertEquals(SourceHealth.NEEDS_ROOT, r.status().health(), id);
            assertEquals("pfctl: pfctl: /dev/pf: Permission denied (needs root)", r.status().detail(), id);
        }
    }

    @ParameterizedTest
    @MethodSource("bsds")
    void sysctlKeysThisReleaseLacksAreANoteNotAFailure(Bsd bsd) {
        Source s = bsd.platform().source(BsdPlatform.TUNABLES_ID).orElseThrow();
        SourceResult r = SourceRuns.evaluate(s, bsd.sysctlStdout(), bsd.sysctlStderr(), 1);
        assertEquals(SourceHealth.OK, r.status().health());
        assertEquals("asked for but not printed (unknown keys go to stderr): " + bsd.missingKey(), r.status().detail());
        assertEquals("0", r.parsed().value().tunables().get("net.inet.tcp.blackhole"));
        bsd.ownKeys().accept(r.parsed().value());
    }
}
