package syntop.collectors.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import syntop.collectors.action.Interventions;
import syntop.collectors.action.Profile;
import syntop.collectors.action.ProfileCatalog;
import syntop.collectors.action.Identity;
import syntop.collectors.detect.Verdict;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.TcpState;
import syntop.collectors.os.freebsd.FreeBsdInterventions;
import syntop.collectors.os.linux.LinuxInterventions;
import syntop.collectors.os.macos.MacOsInterventions;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.FsRoot;

/** The knowledge files: they parse, and they cover every name syntop shows or sets. */
class KnowledgeTest {
    private static final Knowledge K = Knowledge.builtIn();

    private static KnowledgeEntry entry(String name, KnowledgeEntry.Kind kind) {
        KnowledgeEntry e = K.find(name).orElseThrow(() -> new AssertionError("no knowledge entry for " + name));
        assertEquals(kind, e.kind(), name);
        return e;
    }

    @Test
    void everyKeyOfEveryBuiltInProfileHasAnEntryWithADefaultPerOs() {
        CommandRunner noCommands = (argv, timeout, max) -> {
            throw new AssertionError("loading a built-in profile runs nothing: " + argv);
        };
        List<Interventions> all = List.of(new LinuxInterventions(FsRoot.live()), new FreeBsdInterventions(noCommands),
                new MacOsInterventions(noCommands));
        int keys = 0;
        for (Interventions os : all) {
            ProfileCatalog c = new ProfileCatalog(os, List.of(), Identity.of(1000, "alice"));
            for (String name : os.builtinProfiles()) {
                for (Profile.Entry pe : c.load(name).entries()) {
                    KnowledgeEntry e = entry(pe.key(), KnowledgeEntry.Kind.TUNABLE);
                    assertFalse(e.absentOn(os.os()), pe.key() + " is set by a " + os.os() + " profile, so it exists there");
                    assertEquals(pe.key(), e.name(), "filed under the key itself");
                    keys++;
                }
            }
        }
        assertTrue(keys >= 15, "keys seen: " + keys);
    }

    @Test
    void everyCounterIdStateAndVerdictKindHasAnEntry() {
        for (CounterId id : CounterId.values()) {
            entry(id.label(), KnowledgeEntry.Kind.COUNTER);
        }
        for (TcpState s : TcpState.values()) {
            entry(s.label(), KnowledgeEntry.Kind.STATE);
        }
        for (Verdict.Kind v : Verdict.Kind.values()) {
            entry(v.label(), KnowledgeEntry.Kind.VERDICT);
        }
    }

    @Test
    void everyEntryNamesASourceAndSaysSomethingForEachOs() {
        for (KnowledgeEntry e : K.entries()) {
            assertTrue(e.source().length() > 8, e.name());
            assertTrue(e.what().length() <= 110, e.name() + ": 'what' is one line: " + e.what());
            if (e.kind() != KnowledgeEntry.Kind.COUNTER) {
                for (OsFamily os : OsFamily.values()) {
                    assertTrue(e.on(os).isPresent(), e.name() + " on " + os);
                }
            }
        }
    }

    @Test
    void rawCounterNamesAndOtherSpellingsFindTheirEntry() {
        assertEquals("listen_drops", K.find("TcpExtListenDrops").orElseThrow().name());
        assertEquals("syncookies_sent", K.find("SYNCOOKIES_SENT").orElseThrow().name());
        assertEquals("pf_synproxy", K.find("synproxy").orElseThrow().name());
        assertEquals("syn_rcvd", K.find("SYN-RECV").orElseThrow().name());
        assertEquals("syn_rcvd", K.find("new_syn_recv").orElseThrow().name());
        assertEquals("kern.ipc.somaxconn", K.find("kern.ipc.soacceptqueue").orElseThrow().name());
        assertEquals("net.core.somaxconn", K.find("somaxconn").orElseThrow().name());
        assertTrue(K.find("net.ipv4.no_such_key").isEmpty());
    }

    @Test
    void syncacheAndSyncookieKeysDoNotExistOnMacOs() {
        for (KnowledgeEntry e : K.entries()) {
            if (e.kind() == KnowledgeEntry.Kind.TUNABLE && (e.name().contains("syncache") || e.name().contains("syncookies"))) {
                assertTrue(e.absentOn(OsFamily.MACOS), e.name());
            }
        }
    }

    @Test
    void explanationOnEachOs() {
        String linux = String.join("\n", Explanation.lines(K.find("net.ipv4.tcp_syncookies").orElseThrow(),
                OsFamily.LINUX, Optional.of("1 on this machine")));
        assertTrue(linux.startsWith("net.ipv4.tcp_syncookies  (tunable)\n"), linux);
        assertTrue(linux.contains("\n  linux:     1\n"), linux);
        assertTrue(linux.contains("\n  live:      1 on this machine\n"), linux);
        assertTrue(linux.contains("ip-sysctl.rst"), linux);
        assertTrue(linux.indexOf("  linux:") < linux.indexOf("  freebsd:"), "the OS asked about comes first");

        String mac = String.join("\n", Explanation.lines(K.find("net.inet.tcp.msl").orElseThrow(),
                OsFamily.MACOS, Optional.empty()));
        assertTrue(mac.contains("\n  macos:     15000 (30 s of TIME_WAIT)\n"), mac);
        assertTrue(mac.indexOf("  macos:") < mac.indexOf("  freebsd:"), mac);
        assertTrue(mac.contains("\n  unit:      milliseconds\n"), mac);
        assertFalse(mac.contains("live:"), "no live value unless read");

        String bsd = String.join("\n", Explanation.lines(K.find("net.ipv4.tcp_syncookies").orElseThrow(),
                OsFamily.FREEBSD, Optional.empty()));
        assertTrue(bsd.contains("\n  freebsd:   absent: FreeBSD's key is net.inet.tcp.syncookies\n  linux:     1\n"), bsd);
        for (String line : bsd.split("\n")) {
            assertTrue(line.length() <= 78, "wrapped: " + line);
        }
    }

    @Test
    void malformedFilesAreRefusedWithFileAndLine() {
        String ok = "[a]\nkind: state\nwhat: w\nunit: u\nlinux: l\nfreebsd: f\nmacos: m\nsource: s\n";
        assertEquals("w more", Knowledge.parse(Map.of("f.txt", ok.replace("what: w\n", "what: w\n  more\n")))
                .find("A").orElseThrow().what());
        List<String> bad = new ArrayList<>();
        bad.add(ok.replace("source: s\n", ""));
        bad.add(ok.replace("unit: u", "colour: red"));
        bad.add(ok.replace("kind: state", "kind: tunable").replace("macos: m\n", ""));
        bad.add(ok + ok);
        bad.add(ok + "[b]\nkind: state\nalso: A\nwhat: w\nunit: u\nsource: s\n");
        bad.add("  stray continuation\n" + ok);
        bad.add(ok.replace("kind: state", "kind: rumour"));
        for (String text : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Knowledge.parse(Map.of("f.txt", text)), text);
            assertTrue(e.getMessage().startsWith("f.txt"), e.getMessage());
        }
    }
}
