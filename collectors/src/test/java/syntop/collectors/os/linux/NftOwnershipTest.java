package syntop.collectors.os.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import syntop.collectors.Fixtures;
import syntop.collectors.action.BlockTarget;
import syntop.collectors.action.Ownership;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.RawOutput;

/** The nftables ownership check on listings captured from nft 1.0.6, and the plans it leads to. */
class NftOwnershipTest {
    private static final String DIR = "linux/debian12-nft1.0.6/cmd/";

    private static Ownership judge(int exit, String stdout, String stderr) {
        CommandResult r = new CommandResult(List.of("nft"), RawOutput.Outcome.COMPLETED, stdout.getBytes(StandardCharsets.UTF_8),
                stderr, exit, false, Duration.ZERO, "");
        return NftOwnership.judgeTable("nftables table inet x", r);
    }

    @Test
    void theMarkDecides() {
        assertEquals(Ownership.Status.OURS, judge(0, Fixtures.read(DIR + "nft-t-list-table-inet-syntop.txt"), "").status());
        Ownership op = judge(0, Fixtures.read(DIR + "nft-t-list-table-inet-filter.txt"), "");
        assertEquals(Ownership.Status.FOREIGN, op.status());
        assertTrue(op.detail().contains("no comment"), op.detail());
        Ownership other = judge(0, Fixtures.read(DIR + "nft-t-list-table-inet-other.txt"), "");
        assertEquals(Ownership.Status.FOREIGN, other.status());
        assertTrue(other.detail().contains("\"team firewall\""), other.detail());
        assertEquals(Ownership.Status.ABSENT, judge(1, "", Fixtures.read(DIR + "nft-t-list-table-inet-nosuch.stderr.txt")).status());
        assertEquals(Ownership.Status.UNKNOWN, judge(1, "", "Error: Operation not permitted\n").status());
        assertEquals(Ownership.Status.UNKNOWN, judge(0, "", "").status(), "an empty listing proves nothing");
    }

    @Test
    void aChainsCommentIsNotTheTablesMark() {
        String chainOnly = "table inet t {\n\tchain input {\n\t\tcomment \"owned by syntop\"\n\t}\n}\n";
        assertEquals(Ownership.Status.FOREIGN, judge(0, chainOnly, "").status());
    }

    @Test
    void listingKeepsSetsChainsAndRules() {
        NftTableListing t = NftTableListing.parse(Fixtures.read(DIR + "nft-t-list-table-inet-syntop.txt")).orElseThrow();
        assertEquals("syntop", t.table());
        assertEquals(List.of("blocked", "blocked6"), t.sets());
        assertEquals(List.of("type filter hook input priority filter; policy accept;", "ip saddr @blocked drop",
                "ip6 saddr @blocked6 drop"), t.chains().get("input"));
    }

    @Test
    void aCompleteTableNeedsNothingAndNoPlanFlushesOrSetsAPolicyOnAnExistingChain() {
        BlockTarget t = BlockTarget.DEFAULT;
        NftTableListing full = NftTableListing.parse(Fixtures.read(DIR + "nft-t-list-table-inet-syntop.txt")).orElseThrow();
        assertTrue(NftBlockTable.completeTable(t, full).isEmpty());
        NftTableListing otherSet = NftTableListing.parse(Fixtures.read(DIR + "nft-t-list-table-inet-syntop.txt")).orElseThrow();
        List<String> add = NftBlockTable.completeTable(new BlockTarget("syntop", "flood"), otherSet).orElseThrow();
        assertEquals("nft add set inet syntop flood { type ipv4_addr ; flags interval ; } ; add set inet syntop flood6 { type "
                + "ipv6_addr ; flags interval ; } ; add rule inet syntop input ip saddr @flood drop ; add rule inet syntop input "
                + "ip6 saddr @flood6 drop", String.join(" ", add));
        assertFalse(add.contains("flush") || add.contains("policy") || add.contains("chain"), add.toString());
        assertEquals("create", NftBlockTable.createTable(t).get(1), "a new table is created, never added over another");
    }
}
