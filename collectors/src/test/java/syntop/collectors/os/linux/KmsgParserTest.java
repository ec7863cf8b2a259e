package syntop.collectors.os.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import syntop.collectors.Fixtures;
import syntop.collectors.model.KernelEvent;
import syntop.collectors.model.KernelEvent.Kind;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.SourceText;

class KmsgParserTest {
    private static final String FLOOD = "linux/6.18-lab-kmsg-synflood";
    private static final String LIMITED = "linux/6.18-lab-kmsg-ratelimit";

    @Test
    void theLabsSynFloodsAreNamedWithListenerAndWhatTheKernelDid() {
        Parsed<Reading> p = KmsgParser.parse(Fixtures.files(FLOOD, "/dev/kmsg", "/proc/stat"));
        List<KernelEvent> e = p.value().kernelEvents();
        assertEquals(2, e.size());
        assertEquals(Kind.SYN_FLOOD, e.get(0).kind());
        assertEquals(Optional.of("10.99.0.2"), e.get(0).address());
        assertEquals(OptionalInt.of(8080), e.get(0).port());
        assertEquals("possible SYN flooding on 10.99.0.2:8080, dropping requests", e.get(0).summary());
        assertEquals("possible SYN flooding on 10.99.0.2:8090, sending cookies", e.get(1).summary());
        assertEquals(346, e.get(0).order());
        // btime 1796286934 of /proc/stat + 1261.989822 s since boot
        assertEquals(Optional.of(Instant.ofEpochSecond(1796286934).plusNanos(1_261_989_822_000L)), e.get(0).at());
        assertEquals(KernelEvent.Timing.KERNEL, e.get(0).timing());
        assertFalse(e.get(0).beforeStart());
        assertEquals(List.of(), p.notes());
    }

    @Test
    void theRateLimitersSuppressedLineIsKeptBesideTheMessageItPrecedes() {
        Parsed<Reading> p = KmsgParser.parse(Fixtures.files(LIMITED, "/dev/kmsg", "/proc/stat"));
        List<KernelEvent> e = p.value().kernelEvents();
        assertEquals(12, e.size());
        KernelEvent suppressed = e.get(10);
        assertEquals(Kind.MESSAGES_SUPPRESSED, suppressed.kind());
        assertEquals(OptionalLong.of(4), suppressed.count());
        assertEquals("4 more messages suppressed (net_ratelimit rate limit)", suppressed.summary());
        assertEquals(OptionalInt.of(8114), e.get(11).port());
        assertEquals(12, p.understood() - 1); // every record, and the boot time
    }

    @Test
    void recordsOverwrittenBeforeTheyWereReadAreCountedAndTheRestStillRead() {
        // the real records with 351-356 gone, as a reader that fell behind the ring buffer sees them
        List<String> lines = new ArrayList<>(Fixtures.lines(LIMITED + "/dev/kmsg"));
        lines.removeIf(l -> l.matches("6,35[1-6],.*"));
        Parsed<Reading> p = KmsgParser.parse(text(String.join("\n", lines) + "\n", stat()));
        assertTrue(p.notes().contains("6 records overwritten before they were read (the ring buffer wrapped)"), p.notes().toString());
        assertEquals(6, p.value().kernelEvents().size());
        assertEquals(OptionalInt.of(8114), p.value().kernelEvents().get(5).port());
    }

    @Test
    void aRecordWithoutItsNewlineWasCutAndIsNotTrusted() {
        String whole = Fixtures.read(FLOOD + "/dev/kmsg");
        // cut inside ":8090": a port read from it would be wrong
        String cut = whole.substring(0, whole.indexOf(":8090") + 3);
        Parsed<Reading> p = KmsgParser.parse(text(cut, stat()));
        assertEquals(1, p.value().kernelEvents().size());
        assertEquals(OptionalInt.of(8080), p.value().kernelEvents().get(0).port());
        assertTrue(p.notes().get(0).startsWith("last record cut off, not read: 6,347,"), p.notes().toString());
    }

    @Test
    void onlyTheKernelsOwnRecordsCountAndContinuationLinesAreSkipped() {
        // facility 1 (user): what a program wrote into /dev/kmsg is not the kernel's word
        String t = "14,400,1300000000,-;TCP: request_sock_TCP: Possible SYN flooding on port 10.99.0.2:22. Dropping request.\n"
                + "6,401,1300000001,-;virtio_net virtio0 eth0: link up\n SUBSYSTEM=net\n DEVICE=n2\n";
        Parsed<Reading> p = KmsgParser.parse(text(t, stat()));
        assertEquals(List.of(), p.value().kernelEvents());
        assertEquals(List.of(), p.unparsed());
        assertFalse(p.inputNotUnderstood());
    }

    @Test
    void aSuppressedLineAwayFromTcpMessagesIsNotCounted() {
        String t = "4,500,1,-;net_ratelimit: 12 callbacks suppressed\n6,501,2,-;IPv6: eth0: link becomes ready\n";
        assertEquals(List.of(), KmsgParser.parse(text(t, stat())).value().kernelEvents());
    }

    /** Synthetic: the other messages, built from their format strings in the kernel sources (see KmsgParser). */
    @Test
    void theOtherTcpMessagesFromTheKernelSources() {
        String t = "6,10,1000,-;TCP: Possible SYN flooding on port 8080. Sending cookies.  Check SNMP counters.\n"
                + "4,11,2000,-;printk: 7 messages suppressed.\n"
                + "7,12,3000,-;TCP: drop open request from 192.0.2.7/51234\n"
                + "6,13,4000,-;TCP: time wait bucket table overflow\n"
                + "6,14,5000,-;TCP: too many orphaned sockets\n"
                + "6,15,6000,-;TCP: out of memory -- consider tuning tcp_mem\n"
                + "4,16,7000,-;nf_conntrack: nf_conntrack: table full, dropping packet\n"
                + "6,17,8000,-;TCP: request_sock_TCPv6: Possible SYN flooding on port [2001:db8::1]:443. Sending cookies.\n";
        List<KernelEvent> e = KmsgParser.parse(text(t, stat())).value().kernelEvents();
        assertEquals(List.of(Kind.SYN_FLOOD, Kind.MESSAGES_SUPPRESSED, Kind.OPEN_REQUEST_DROPPED, Kind.TIME_WAIT_OVERFLOW,
                Kind.TOO_MANY_ORPHANS, Kind.TCP_OUT_OF_MEMORY, Kind.CONNTRACK_FULL, Kind.SYN_FLOOD),
                e.stream().map(KernelEvent::kind).toList());
        assertEquals("possible SYN flooding on :8080, sending cookies", e.get(0).summary());
        assertEquals(OptionalLong.of(7), e.get(1).count());
        assertEquals(Optional.of("192.0.2.7"), e.get(2).address());
        assertEquals(OptionalInt.of(51234), e.get(2).port());
        assertEquals("possible SYN flooding on [2001:db8::1]:443, sending cookies", e.get(7).summary());
    }

    @Test
    void escapedBytesAreRestored() {
        assertEquals("a\nb\\c", KmsgParser.unescape("a\\x0ab\\x5cc"));
        assertEquals("no escape \\q", KmsgParser.unescape("no escape \\q"));
    }

    @Test
    void savedDmesgOutputIsReadTooButHasNoWallClockWithoutTheBootTime() {
        String t = "[ 1261.989822] TCP: request_sock_TCP: Possible SYN flooding on port 10.99.0.2:8080. Dropping request.\n";
        Parsed<Reading> p = KmsgParser.parse(SourceText.of(t));
        KernelEvent e = p.value().kernelEvents().get(0);
        assertEquals(Optional.empty(), e.at());
        assertEquals(1261989822L, e.sinceBoot().orElseThrow().toNanos() / 1000);
        assertTrue(p.notes().contains("no boot time (btime of /proc/stat): times are since boot"));
    }

    private static String stat() {
        return Fixtures.read(FLOOD + "/proc/stat");
    }

    private static SourceText text(String kmsg, String stat) {
        return new SourceText(List.of(new RawPart("/dev/kmsg", kmsg.getBytes(StandardCharsets.UTF_8)),
                RawPart.of("/proc/stat", stat)));
    }
}
