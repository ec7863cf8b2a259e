package syntop.collectors.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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

    /** Every name syntop shows or sets that has no entry of the right kind in {@code k}, as "kind name". */
    private static List<String> missing(Knowledge k) {
        List<String> out = new ArrayList<>();
        for (CounterId id : CounterId.values()) {
            missing(k, id.label(), KnowledgeEntry.Kind.COUNTER, out);
        }
        for (TcpState s : TcpState.values()) {
            missing(k, s.label(), KnowledgeEntry.Kind.STATE, out);
        }
        for (Verdict.Kind v : Verdict.Kind.values()) {
            missing(k, v.label(), KnowledgeEntry.Kind.VERDICT, out);
        }
        for (Map.Entry<Interventions, String> key : profileKeys()) {
            Optional<KnowledgeEntry> e = k.find(key.getValue());
            if (e.isEmpty() || e.get().kind() != KnowledgeEntry.Kind.TUNABLE || !e.get().name().equals(key.getValue())
                    || e.get().absentOn(key.getKey().os())) {
                out.add("tunable " + key.getValue() + " (set on " + key.getKey().os().token() + ")");
            }
        }
        return out;
    }

    private static void missing(Knowledge k, String name, KnowledgeEntry.Kind kind, List<String> out) {
        if (k.find(name).filter(e -> e.kind() == kind).isEmpty()) {
            out.add(kind.label() + " " + name);
        }
    }

    /** Every key of every built-in profile, with the OS whose profile sets it. */
    private static List<Map.Entry<Interventions, String>> profileKeys() {
        CommandRunner noCommands = (argv, timeout, max) -> {
            throw new AssertionError("loading a built-in profile runs nothing: " + argv);
        };
        List<Interventions> all = List.of(new LinuxInterventions(FsRoot.live()), new FreeBsdInterventions(noCommands),
                new MacOsInterventions(noCommands));
        List<Map.Entry<Interventions, String>> keys = new ArrayList<>();
        for (Interventions os : all) {
            ProfileCatalog c = new ProfileCatalog(os, List.of(), Identity.of(1000, "alice"));
            for (String name : os.builtinProfiles()) {
                for (Profile.Entry pe : c.load(name).entries()) {
                    keys.add(Map.entry(os, pe.key()));
                }
            }
        }
        return keys;
    }

    private static Map<String, String> builtInTexts() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String f : Knowledge.BUILT_IN_FILES) {
            try (InputStream in = KnowledgeTest.class.getResourceAsStream("/syntop/knowledge/" + f)) {
                texts.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    @Test
    void everyProfileKeyCounterIdStateAndVerdictKindHasAnEntry() {
        assertTrue(profileKeys().size() >= 15, "keys seen: " + profileKeys());
        assertEquals(List.of(), missing(K));
    }

    @Test
    void theCoverageCheckNamesWhatAnEntryLeftOutWouldLeaveUnexplained() throws IOException {
        Map<String, String> texts = builtInTexts();
        texts.put("counters.txt", texts.get("counters.txt").replace("[listen_drops]", "[listen_drops_renamed]"));
        texts.put("tunables.txt", texts.get("tunables.txt").replace("[net.inet.tcp.msl]", "[net.inet.tcp.msl_gone]"));
        texts.put("states.txt", texts.get("states.txt").replace("kind: state\nalso: ESTAB", "kind: counter\nalso: ESTAB"));
        List<String> gaps = missing(Knowledge.parse(texts));
        assertTrue(gaps.contains("counter listen_drops"), gaps.toString());
        assertTrue(gaps.contains("state established"), gaps.toString());
        assertTrue(gaps.stream().anyMatch(g -> g.startsWith("tunable net.inet.tcp.msl (set on ")), gaps.toString());
        assertEquals(3, gaps.stream().map(g -> g.replaceAll(" \\(set on .*", "")).distinct().count(), gaps.toString());
    }

    /** A source is a URL or OWNER/REPO@REV PATH, so a reader can open it (README.txt of the knowledge files). */
    private static final Pattern OPENABLE = Pattern.compile(".*(https://\\S+|\\b[\\w.-]+/[\\w.-]+@[\\w.-]+ [\\w./-]+\\.\\w+\\b).*");

    @Test
    void everySourceCanBeOpened() {
        for (KnowledgeEntry e : K.entries()) {
            for (String source : e.source().split(";")) {
                assertTrue(OPENABLE.matcher(source.strip()).matches(), e.name() + ": '" + source.strip()
                        + "' is neither a URL nor OWNER/REPO@REV PATH");
            }
        }
        assertFalse(OPENABLE.matcher("FreeBSD tcp(4)").matches());
        assertFalse(OPENABLE.matcher("Linux net/ipv4/tcp_input.c (tcp_conn_request)").matches());
        assertTrue(OPENABLE.matcher("torvalds/linux@v6.12 net/ipv4/tcp_input.c (tcp_conn_request)").matches());
    }

    @Test
    void everyEntryNamesASourceAndSaysSomethingForEachOs() {
        for (KnowledgeEntry e : K.entries()) {
            assertTrue(e.source().length() > 8, e.name());
            assertTrue(e.what().length() <= 110, e.name() + ": 'what' is one line: " + e.what());
            if (e.kind() == KnowledgeEntry.Kind.TUNABLE) {
                // apply --dry-run prints it as "    = what" under the key's change: one line of 80 columns
                assertTrue(e.what().length() <= 74, e.name() + ": 'what' fits a dry run's line: " + e.what());
            }
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
        assertTrue(linux.contains("https://docs.kernel.org/networking/ip-sysctl.html"), linux);
        assertTrue(linux.indexOf("  linux:") < linux.indexOf("  freebsd:"), "the OS asked about comes first");
        assertTrue(linux.contains("\n  source:    https://docs.kernel.org/networking/ip-sysctl.html\n             (tcp_syncookies)\n"
                + "             torvalds/linux@v6.12 net/ipv4/tcp_input.c (tcp_conn_request,\n"), "one source to a line: " + linux);
        assertTrue(linux.endsWith("\n             https://www.rfc-editor.org/rfc/rfc4987#section-3.6"), linux);

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
