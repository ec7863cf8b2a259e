package syntop.collectors.os.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import syntop.collectors.Fixtures;
import syntop.collectors.action.Ownership;
import syntop.collectors.action.Setting;
import syntop.collectors.action.SynproxyFirewall;
import syntop.collectors.action.SynproxyPlan;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.RawOutput;

class NftSynproxyTest {
    private static final String IP_LINK = "linux/6.18-netns-veth/cmd/ip-o-link-show-up.txt";
    private static final String NFT = "linux/debian12-nft1.0.6/cmd/";

    /** Answers ip and nft -c from fixtures, records what nft was fed. */
    private static final class Runner implements CommandRunner {
        final List<String> fed = new ArrayList<>();
        String nftError = "";

        @Override
        public CommandResult run(List<String> argv, Duration timeout, long max) {
            String out = argv.get(0).equals("ip") ? Fixtures.read(IP_LINK) : "";
            return new CommandResult(argv, RawOutput.Outcome.COMPLETED, out.getBytes(StandardCharsets.UTF_8), "", 0, false,
                    Duration.ZERO, "");
        }

        @Override
        public CommandResult run(List<String> argv, byte[] stdin, Duration timeout, long max) {
            fed.add(new String(stdin, StandardCharsets.UTF_8));
            return new CommandResult(argv, RawOutput.Outcome.COMPLETED, new byte[0], nftError, nftError.isEmpty() ? 0 : 1, false,
                    Duration.ZERO, "");
        }
    }

    private static NftSynproxy kernel(Map<String, String> keys) {
        return new NftSynproxy(k -> keys.containsKey(k) ? Setting.present(k, keys.get(k)) : Setting.missing(k));
    }

    private static final Map<String, String> DEBIAN = Map.of(NftSynproxy.LOOSE, "1", NftSynproxy.TIMESTAMPS, "1",
            NftSynproxy.SACK, "1", NftSynproxy.WINDOW_SCALING, "1", NftSynproxy.TCP_RMEM, "4096 131072 33554432",
            NftSynproxy.RMEM_MAX, "4194304");

    @Test
    void theMtuIsTheSmallestOfTheInterfacesUpLoopbackOnlyWhenAlone() {
        assertEquals(OptionalInt.of(1400), NftSynproxy.smallestMtu(Fixtures.read(IP_LINK)));
        String loOnly = Fixtures.read(IP_LINK).lines().findFirst().orElseThrow();
        assertEquals(OptionalInt.of(65536), NftSynproxy.smallestMtu(loOnly));
        assertEquals(OptionalInt.empty(), NftSynproxy.smallestMtu(""));
    }

    @Test
    void theWindowScaleIsTheKernelsOwnChoice() {
        List<String> how = new ArrayList<>();
        // Debian 12 defaults: tcp_rmem max 6 MiB -> log2 22 -> 7, the wscale Linux SYN-ACKs carry
        assertEquals(OptionalInt.of(7), NftSynproxy.windowScale(Setting.present("w", "1"),
                Setting.present("r", "4096 131072 6291456"), Setting.present("m", "212992"), how));
        // this machine: 32 MiB -> 10
        assertEquals(OptionalInt.of(10), NftSynproxy.windowScale(Setting.present("w", "1"),
                Setting.present("r", "4096 131072 33554432"), Setting.present("m", "4194304"), how));
        // rmem_max larger than tcp_rmem's maximum wins: 16 MiB - 1 -> log2 23 -> 8
        assertEquals(OptionalInt.of(8), NftSynproxy.windowScale(Setting.present("w", "1"),
                Setting.present("r", "4096 87380 65536"), Setting.present("m", "16777215"), how));
        assertEquals(OptionalInt.empty(), NftSynproxy.windowScale(Setting.present("w", "0"),
                Setting.present("r", "4096 131072 6291456"), Setting.present("m", "212992"), how));
        assertTrue(how.get(how.size() - 1).contains("tcp_window_scaling is 0"), how.toString());
    }

    @Test
    void readinessWorksOutTheOptionsAndTheSettingsToChange() {
        Runner r = new Runner();
        SynproxyFirewall.Readiness ready = kernel(DEBIAN).readiness(r, new TreeSet<>(List.of(8080)),
                Ownership.absent("nftables table inet syntop_synproxy"));
        assertEquals(List.of(), ready.missing());
        assertEquals(new SynproxyFirewall.SynOptions(1360, 1340, OptionalInt.of(10), true, true), ready.options().orElseThrow());
        assertEquals(List.of(NftSynproxy.LOOSE), List.copyOf(ready.settings().keySet()));
        SynproxyPlan.SettingChange loose = ready.settings().get(NftSynproxy.LOOSE);
        assertEquals("1", loose.from());
        assertEquals("0", loose.to());
        assertEquals(1, r.fed.size(), "the table is checked with the kernel (nft -c) once");
        assertTrue(r.fed.get(0).contains("synproxy mss 1360 wscale 10 timestamp sack-perm"), r.fed.get(0));
    }

    @Test
    void timestampsOffAreTurnedOnAndSackOffIsNotOffered() {
        Map<String, String> keys = new java.util.HashMap<>(DEBIAN);
        keys.put(NftSynproxy.TIMESTAMPS, "0");
        keys.put(NftSynproxy.SACK, "0");
        keys.put(NftSynproxy.LOOSE, "0");
        SynproxyFirewall.Readiness ready = kernel(keys).readiness(new Runner(), new TreeSet<>(List.of(80)),
                Ownership.absent("t"));
        assertEquals(List.of(NftSynproxy.TIMESTAMPS), List.copyOf(ready.settings().keySet()));
        assertEquals("mss 1360 wscale 10 timestamp", ready.options().orElseThrow().nft(false));
    }

    @Test
    void aKernelWithoutConntrackOrSynproxyIsSaidPlainly() {
        Map<String, String> keys = new java.util.HashMap<>(DEBIAN);
        keys.remove(NftSynproxy.LOOSE);
        SynproxyFirewall.Readiness noConntrack = kernel(keys).readiness(new Runner(), new TreeSet<>(List.of(80)),
                Ownership.absent("t"));
        assertEquals(1, noConntrack.missing().size(), noConntrack.missing().toString());
        assertTrue(noConntrack.missing().get(0).startsWith("conntrack: net.netfilter.nf_conntrack_tcp_loose does not exist"));

        Runner r = new Runner();
        r.nftError = "/dev/stdin:6:1-120: Error: Could not process rule: No such file or directory\n";
        SynproxyFirewall.Readiness noSynproxy = kernel(DEBIAN).readiness(r, new TreeSet<>(List.of(80)), Ownership.absent("t"));
        assertEquals(1, noSynproxy.missing().size());
        assertTrue(noSynproxy.missing().get(0).contains("nft_synproxy and nf_synproxy_core"), noSynproxy.missing().get(0));
    }

    @Test
    void theTableItCreatesIsTheOneTheKernelListsBack() {
        SynproxyFirewall.SynOptions o = new SynproxyFirewall.SynOptions(1360, 1340, OptionalInt.of(10), true, true);
        String script = NftSynproxy.createTable(new TreeSet<>(List.of(8080)), o);
        assertTrue(script.startsWith("create table inet syntop_synproxy { comment \"owned by syntop\"; }\n"), script);
        // the capture is what nft 1.0.6 listed after loading this very script in a namespace
        NftTableListing listed = NftTableListing.parse(Fixtures.read(NFT + "nft-t-list-table-inet-syntop_synproxy.txt")).orElseThrow();
        assertEquals(java.util.Optional.of("owned by syntop"), listed.comment());
        assertEquals(List.of("ports"), listed.sets());
        assertEquals(List.of("type filter hook prerouting priority raw; policy accept;",
                "tcp dport @ports tcp flags syn / fin,syn,rst,ack notrack"), listed.chains().get("prerouting"));
        List<String> input = listed.chains().get("input");
        for (String rule : input.subList(1, input.size())) {
            String asked = rule.replace("tcp flags syn / fin,syn,rst,ack", "tcp flags & (fin|syn|rst|ack) == syn");
            assertTrue(script.contains(asked), "not in the script: " + rule);
        }
        assertEquals(Ownership.Status.OURS, NftOwnership.judgeTable("t", new CommandResult(List.of("nft"),
                RawOutput.Outcome.COMPLETED, Fixtures.read(NFT + "nft-t-list-table-inet-syntop_synproxy.txt")
                        .getBytes(StandardCharsets.UTF_8), "", 0, false, Duration.ZERO, "")).status());
    }

    @Test
    void onAddsToItsOwnTableAndTheLastOffRemovesIt() {
        NftSynproxy fw = kernel(DEBIAN);
        SynproxyFirewall.Readiness ready = fw.readiness(new Runner(), new TreeSet<>(List.of(8080)), Ownership.absent("t"));
        List<SynproxyPlan.Step> first = fw.on(new TreeSet<>(List.of(8080, 8443)), new TreeSet<>(), ready, Ownership.absent("t"));
        assertEquals(1, first.size());
        assertEquals(List.of("nft", "-f", "-"), first.get(0).argv());
        assertTrue(first.get(0).stdin().endsWith("add element inet syntop_synproxy ports { 8080, 8443 }\n"));
        List<SynproxyPlan.Step> more = fw.on(new TreeSet<>(List.of(9000)), new TreeSet<>(List.of(8080)), ready,
                Ownership.ours("t", ""));
        assertEquals(List.of("nft", "add", "element", "inet", "syntop_synproxy", "ports", "{", "9000", "}"), more.get(0).argv());
        assertEquals(List.of("nft", "delete", "element", "inet", "syntop_synproxy", "ports", "{", "9000", "}"),
                fw.off(new TreeSet<>(List.of(9000)), new TreeSet<>(List.of(8080))).get(0).argv());
        assertEquals(List.of("nft", "delete", "table", "inet", "syntop_synproxy"),
                fw.off(new TreeSet<>(List.of(8080)), new TreeSet<>()).get(0).argv());
    }
}
