package syntop.collectors.os.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;

class PfctlInfoParserTest {

    private static Parsed<Reading> parse(String fixture) {
        return PfctlInfoParser.parse(Fixtures.lines(fixture));
    }

    private static long id(Parsed<Reading> p, CounterId id) {
        return p.value().counters().get(id).orElseThrow(() -> new AssertionError("no " + id));
    }

    private static long raw(Parsed<Reading> p, String name) {
        Long v = p.value().counters().raw().get(name);
        if (v == null) {
            throw new AssertionError("no raw counter '" + name + "' in " + p.value().counters().raw().keySet());
        }
        return v;
    }

    @Test
    void freeBsdInfo() {
        Parsed<Reading> p = parse("freebsd/unknown-telegraf/cmd/pfctl-s-info.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(22, p.understood());
        assertEquals(2, id(p, CounterId.PF_STATES));
        assertEquals(11325, id(p, CounterId.PF_STATE_SEARCHES));
        assertEquals(5, id(p, CounterId.PF_STATE_INSERTS));
        assertEquals(3, id(p, CounterId.PF_STATE_REMOVALS));
        assertEquals(0, id(p, CounterId.PF_MEMORY_DROPS));
        assertEquals(0, id(p, CounterId.PF_STATE_MISMATCH));
        assertEquals(0, id(p, CounterId.PF_SYNPROXY));
        assertEquals(11226, raw(p, "pfctl.counter.match"));
        assertEquals(15 + 4, p.value().counters().raw().size());
        assertEquals(Map.of("pfctl.status", "enabled", "pfctl.debug", "Urgent"), p.value().tunables());
        assertEquals(List.of(), p.notes());
        assertFalse(p.value().counters().has(CounterId.PF_SYNFLOODS_DETECTED));
    }

    @Test
    void freeBsd12WithoutBlankLineAndWithHighRates() {
        Parsed<Reading> p = parse("freebsd/12.2-monitorix297/cmd/pfctl-s-info.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(920, id(p, CounterId.PF_STATES));
        assertEquals(65233309, id(p, CounterId.PF_STATE_SEARCHES));
        assertEquals(951, raw(p, "pfctl.counter.ip-option"));
    }

    @Test
    void freeBsd13VeryVerboseWithLimitCountersAndSyncookies() {
        Parsed<Reading> p = parse("freebsd/13or14-tykling/cmd/pfctl-vvs-info.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(2, id(p, CounterId.PF_STATES));
        assertEquals(5165885, id(p, CounterId.PF_STATE_SEARCHES));
        assertEquals(0, id(p, CounterId.PF_SYNFLOODS_DETECTED));
        assertEquals(0, id(p, CounterId.PF_SYNCOOKIES_SENT));
        assertEquals(0, id(p, CounterId.PF_SYNCOOKIES_VALIDATED));
        assertEquals(3177960, raw(p, "pfctl.counter.match"));
        assertEquals(0, raw(p, "pfctl.counter.map-failed"));
        assertEquals(0, raw(p, "pfctl.source-tracking.current entries"));
        assertEquals(0, raw(p, "pfctl.limit-counter.max states per rule"));
        assertEquals(0, raw(p, "pfctl.syncookies.halfopen states"));
        Map<String, String> t = p.value().tunables();
        assertEquals("never", t.get("pfctl.syncookies.mode"));
        assertEquals("inactive", t.get("pfctl.syncookies.active"));
        assertEquals("25%", t.get("pfctl.syncookies.highwater"));
        assertEquals("12%", t.get("pfctl.syncookies.lowwater"));
    }

    @Test
    void freeBsd14VerboseWithInterfaceStatsAndReassemble() {
        Parsed<Reading> p = parse("freebsd/synthetic-pfctl-vsi-14/cmd/pfctl-vsi.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(9871, id(p, CounterId.PF_STATES));
        assertEquals(1877, id(p, CounterId.PF_MEMORY_DROPS));
        assertEquals(912, id(p, CounterId.PF_STATE_MISMATCH));
        assertEquals(2201, id(p, CounterId.PF_SYNPROXY));
        assertEquals(3, id(p, CounterId.PF_SYNFLOODS_DETECTED));
        assertEquals(180443, id(p, CounterId.PF_SYNCOOKIES_SENT));
        assertEquals(2210, id(p, CounterId.PF_SYNCOOKIES_VALIDATED));
        assertEquals(912334455, raw(p, "pfctl.interface.em0.bytes in.ipv4"));
        assertEquals(20011, raw(p, "pfctl.interface.em0.bytes in.ipv6"));
        assertEquals(40211, raw(p, "pfctl.interface.em0.packets in.blocked.ipv4"));
        assertEquals(98, raw(p, "pfctl.interface.em0.packets out.passed.ipv6"));
        assertEquals(12, raw(p, "pfctl.source-tracking.current entries"));
        assertEquals(7, raw(p, "pfctl.limit-counter.overload table insertion"));
        assertEquals("yes no-df", p.value().tunables().get("pfctl.reassemble"));
        assertEquals("adaptive", p.value().tunables().get("pfctl.syncookies.mode"));
        assertEquals("active", p.value().tunables().get("pfctl.syncookies.active"));
    }

    @Test
    void opnSenseInterfaceStatsAfterAltqWarnings() {
        Parsed<Reading> p = parse("freebsd/11.0-opnsense17.1/cmd/pfctl-i-vtnet0-vvsinfo.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(14, p.understood());
        assertEquals(159716, raw(p, "pfctl.interface.vtnet4.bytes in.ipv4"));
        assertEquals(49480, raw(p, "pfctl.interface.vtnet4.bytes out.ipv6"));
        assertEquals(2750, raw(p, "pfctl.interface.vtnet4.packets in.passed.ipv4"));
        assertEquals(237, raw(p, "pfctl.interface.vtnet4.packets out.passed.ipv6"));
        assertFalse(p.value().counters().has(CounterId.PF_STATES)); // the excerpt stops before the state table
    }

    @Test
    void freeBsd11InfoOfPfctlSAllWithoutItsTitle() {
        Parsed<Reading> p = parse("freebsd/11.0-fail2ban1924/cmd/pfctl-s-all.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(0, id(p, CounterId.PF_STATES));
        assertEquals(3277, id(p, CounterId.PF_STATE_SEARCHES));
        assertEquals(0, id(p, CounterId.PF_STATE_MISMATCH));
    }

    @Test
    void macOsDisabledPfInPfctlSa() {
        Parsed<Reading> p = parse("macos/10.11ish-sshuttle102/cmd/pfctl-sa.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(List.of("pf is disabled", "skipped sections of pfctl -s all: TRANSLATION RULES, FILTER RULES"), p.notes());
        assertEquals("disabled", p.value().tunables().get("pfctl.status"));
        assertEquals(1462101, id(p, CounterId.PF_STATE_SEARCHES));
        assertEquals(1331, id(p, CounterId.PF_STATE_MISMATCH));
        assertEquals(34, raw(p, "pfctl.counter.state-insert"));
    }

    @Test
    void macOsPfctlSAllWithDummynetAndStates() {
        Parsed<Reading> p = parse("macos/2020ish-sshuttle563/cmd/pfctl-s-all.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(List.of("skipped sections of pfctl -s all: TRANSLATION RULES, FILTER RULES, DUMMYNET RULES, STATES"),
                p.notes());
        assertEquals(4, id(p, CounterId.PF_STATES));
        assertEquals(4787932, id(p, CounterId.PF_STATE_SEARCHES)); // rate "10408.5/s" is wider than the column
        assertEquals(2801941, raw(p, "pfctl.counter.match"));
        assertEquals("enabled", p.value().tunables().get("pfctl.status"));
    }

    @Test
    void openBsdOneSpaceIndentAndDebugErr() {
        Parsed<Reading> p = parse("openbsd/4.8ish-pyr/cmd/pfctl-si.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(6, id(p, CounterId.PF_STATES));
        assertEquals(7970148, id(p, CounterId.PF_STATE_SEARCHES));
        assertEquals(34, id(p, CounterId.PF_STATE_MISMATCH));
        assertEquals(167, raw(p, "pfctl.counter.short"));
        assertEquals("err", p.value().tunables().get("pfctl.debug"));
    }

    @Test
    void openBsdGrepLinesWithoutTheirHeading() {
        Parsed<Reading> memory = parse("openbsd/4.8ish-packetmischief-grep-memory/cmd/pfctl-si.txt");
        assertEquals(423433, id(memory, CounterId.PF_MEMORY_DROPS));
        Parsed<Reading> head = parse("openbsd/4.8ish-packetmischief/cmd/pfctl-si.txt");
        assertEquals(3134, id(head, CounterId.PF_STATES));
        Parsed<Reading> redacted = parse("openbsd/unknown-serverfault247714/cmd/pfctl-si.txt");
        assertEquals(List.of(), redacted.unparsed());
        assertEquals(34, id(redacted, CounterId.PF_STATES));
        assertEquals(726162, id(redacted, CounterId.PF_STATE_REMOVALS));
        assertEquals("enabled", redacted.value().tunables().get("pfctl.status"));
    }

    @Test
    void unknownCounterNamesAreKeptRaw() {
        Parsed<Reading> p = PfctlInfoParser.parse(List.of("Counters", "  some-new-reason          12            0.0/s",
                "  memory                      4            0.0/s"));
        assertEquals(List.of(), p.unparsed());
        assertEquals(12, raw(p, "pfctl.counter.some-new-reason"));
        assertEquals(4, id(p, CounterId.PF_MEMORY_DROPS));
    }

    @Test
    void pfctlErrorOnStdoutIsNotUnderstood() {
        Parsed<Reading> p = PfctlInfoParser.parse(List.of("pfctl: /dev/pf: No such file or directory"));
        assertTrue(p.inputNotUnderstood());
    }

    @Test
    void memoryLimits() {
        Parsed<Reading> open = PfctlMemoryParser.parse(Fixtures.lines("openbsd/4.8ish-pyr/cmd/pfctl-sm.txt"));
        assertEquals(List.of(), open.unparsed());
        assertEquals(200000, open.value().counters().get(CounterId.PF_STATE_LIMIT).orElseThrow());
        assertEquals(Map.of("pfctl.limit.states", "200000", "pfctl.limit.src-nodes", "10000", "pfctl.limit.frags", "5000",
                "pfctl.limit.tables", "1000", "pfctl.limit.table-entries", "200000"), open.value().tunables());
        Parsed<Reading> free = PfctlMemoryParser.parse(Fixtures.lines("freebsd/synthetic-pfctl-sm/cmd/pfctl-sm.txt"));
        assertEquals(10000, free.value().counters().get(CounterId.PF_STATE_LIMIT).orElseThrow());
        assertEquals(4, free.understood());
        Parsed<Reading> unlimited = PfctlMemoryParser.parse(List.of("LIMITS:", "states        unlimited",
                "frags         hard limit     5000"));
        assertEquals(List.of(), unlimited.unparsed());
        assertFalse(unlimited.value().counters().has(CounterId.PF_STATE_LIMIT));
        assertEquals("unlimited", unlimited.value().tunables().get("pfctl.limit.states"));
    }
}
