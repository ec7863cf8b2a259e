package syntop.collectors.os.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.KernelEvent;
import syntop.collectors.model.KernelEvent.Kind;
import syntop.collectors.model.Reading;
import syntop.collectors.os.bsd.Fixtures;
import syntop.collectors.parse.Parsed;

class DmesgParserTest {
    @Test
    void listenQueueOverflowsOfARealListener() {
        List<KernelEvent> e = parse("freebsd/13ish-monero8210-PARTIAL/cmd/dmesg.txt").value().kernelEvents();
        assertEquals(5, e.size());
        assertEquals(Kind.LISTEN_QUEUE_OVERFLOW, e.get(0).kind());
        assertEquals(Optional.of("0.0.0.0"), e.get(0).address());
        assertEquals(OptionalInt.of(18080), e.get(0).port());
        assertEquals(OptionalLong.of(34), e.get(0).count());
        assertEquals(Optional.empty(), e.get(0).at());
    }

    @Test
    void rstLimitingAsFreeBsdAndMacOsWordIt() {
        List<KernelEvent> fb = parse("freebsd/6.x-majorhayden-PARTIAL/cmd/dmesg.txt").value().kernelEvents();
        assertEquals(List.of(OptionalLong.of(211), OptionalLong.of(203)), fb.stream().map(KernelEvent::count).toList());
        List<KernelEvent> mac = parse("macos/10.10-machi-PARTIAL/cmd/dmesg.txt").value().kernelEvents();
        assertEquals(5, mac.size());
        assertEquals("RSTs to closed ports limited: 690/s asked, 50/s sent", mac.get(0).summary());
    }

    /** Synthetic (see SYNTHETIC.md): a wrapped buffer, the FreeBSD 14 wording, IPv6. */
    @Test
    void aFirstLineCutByTheWrapIsNotReadAndTheRestIs() {
        Parsed<Reading> p = parse("freebsd/synthetic-dmesg-14-wrap/cmd/dmesg.txt");
        assertTrue(p.notes().get(0).startsWith("first line cut by the message buffer's wrap, not read: n queue awaiting"),
                p.notes().toString());
        List<KernelEvent> e = p.value().kernelEvents();
        assertEquals(List.of(Kind.LISTEN_QUEUE_OVERFLOW, Kind.LISTEN_QUEUE_OVERFLOW, Kind.RST_LIMITED, Kind.RST_LIMITED,
                Kind.LISTEN_QUEUE_OVERFLOW), e.stream().map(KernelEvent::kind).toList());
        assertEquals(OptionalInt.of(8080), e.get(0).port());
        assertEquals("listen queue overflow on [2001:db8::10]:443: 769 waiting to be accepted, 3 overflows since its "
                + "last message", e.get(1).summary());
        assertEquals("RSTs to open ports limited: 312/s asked, 200/s sent", e.get(3).summary());
        assertEquals(OptionalInt.empty(), e.get(4).port());
        assertEquals("listen queue overflow (listener 0xfffff80012345b00): 10 waiting to be accepted, 2 overflows since "
                + "its last message", e.get(4).summary());
    }

    @Test
    void aTimestampPrefixGivesTheTimeSinceBoot() {
        KernelEvent e = DmesgParser.parse(List.of("<4>[103] Limiting closed port RST response from 300 to 200 packets/sec"))
                .value().kernelEvents().get(0);
        assertEquals(103, e.sinceBoot().orElseThrow().getSeconds());
        assertEquals(OptionalLong.of(300), e.count());
    }

    private static Parsed<Reading> parse(String fixture) {
        return DmesgParser.parse(Fixtures.lines(fixture));
    }
}
