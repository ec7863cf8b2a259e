package syntop.collectors.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import syntop.collectors.Fixtures;
import syntop.collectors.model.KernelEvent;
import syntop.collectors.model.Reading;
import syntop.collectors.os.bsd.DmesgParser;
import syntop.collectors.os.linux.KmsgParser;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.Source;
import syntop.collectors.source.SourceText;

class KernelLogBookTest {
    private static final Source KMSG = new Source("dev-kmsg", new Acquisition.LogDevice("/dev/kmsg", List.of("/proc/stat")),
            KmsgParser::parse, Duration.ofMillis(300), Source.Cost.CHEAP, true);
    private static final Source DMESG = new Source("dmesg", Acquisition.command("dmesg"),
            t -> DmesgParser.parse(t.lines()), Duration.ofSeconds(2), Source.Cost.CHEAP);
    private static final Instant START = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void whatTheFirstPollReadIsHistoryAndLaterRecordsAreLive() {
        KernelLogBook book = new KernelLogBook();
        String all = Fixtures.read("linux/6.18-lab-kmsg-ratelimit/dev/kmsg");
        int cut = all.indexOf("4,359,");
        book.add(KMSG, kmsg(all.substring(0, cut)), START);
        // the second poll brings only the records new since, dated after the first poll
        book.add(KMSG, kmsg(all.substring(cut)), START.plusSeconds(1));
        List<KernelEvent> e = book.newestFirst();
        assertEquals(12, e.size());
        assertEquals(360, e.get(0).order());
        assertTrue(e.get(11).beforeStart());
        // the records of the second poll were logged (by the kernel's clock) before syntop started too
        assertTrue(e.get(0).beforeStart(), "dated before the first poll: history");
    }

    @Test
    void aRecordLoggedAfterTheFirstPollIsLiveAndOneReadTwiceIsKeptOnce() {
        KernelLogBook book = new KernelLogBook();
        String all = Fixtures.read("linux/6.18-lab-kmsg-ratelimit/dev/kmsg");
        Instant boot = Instant.ofEpochSecond(1796286934);
        Instant firstPoll = boot.plusSeconds(1305); // between the tenth flood message and the last
        int cut = all.indexOf("4,359,");
        book.add(KMSG, kmsg(all.substring(0, cut)), firstPoll);
        book.add(KMSG, kmsg(all), firstPoll.plusSeconds(5)); // a reader that started over reads all again
        List<KernelEvent> e = book.newestFirst();
        assertEquals(12, e.size());
        assertFalse(e.get(0).beforeStart());
        assertFalse(e.get(1).beforeStart());
        assertTrue(e.get(2).beforeStart());
    }

    @Test
    void aWholeBufferPrintedAgainAddsOnlyItsNewLinesDatedWhenSeen() {
        KernelLogBook book = new KernelLogBook();
        List<String> lines = Fixtures.lines("freebsd/13ish-monero8210-PARTIAL/cmd/dmesg.txt");
        book.add(DMESG, DmesgParser.parse(lines.subList(0, 3)).value(), START);
        // the buffer lost its first line to the wrap and gained two
        book.add(DMESG, DmesgParser.parse(lines.subList(1, 5)).value(), START.plusSeconds(5));
        List<KernelEvent> e = book.newestFirst();
        assertEquals(5, e.size());
        assertEquals(KernelEvent.Timing.SEEN, e.get(0).timing());
        assertEquals(START.plusSeconds(5), e.get(0).at().orElseThrow());
        assertFalse(e.get(0).beforeStart());
        assertEquals(KernelEvent.Timing.UNKNOWN, e.get(4).timing());
        assertTrue(e.get(4).beforeStart());
        assertEquals("kernel said before syntop started (its log has no times): listen queue overflow on 0.0.0.0:18080: "
                + "193 waiting to be accepted, 34 overflows since its last message", e.get(4).said(START));
        assertEquals("kernel said by 09:00:05: listen queue overflow on 0.0.0.0:18080: 193 waiting to be accepted, "
                + "24 overflows since its last message", e.get(0).said(START.plusSeconds(6)));
    }

    @Test
    void atMostKeepEventsAreKept() {
        KernelLogBook book = new KernelLogBook();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < KernelLogBook.KEEP + 20; i++) {
            b.append("6,").append(i).append(",1000,-;TCP: request_sock_TCP: Possible SYN flooding on port 10.0.0.1:")
                    .append(1000 + i).append(". Dropping request.\n");
        }
        book.add(KMSG, kmsg(b.toString()), START);
        assertEquals(KernelLogBook.KEEP, book.newestFirst().size());
        assertEquals(KernelLogBook.KEEP + 19, book.newestFirst().get(0).order());
    }

    @Test
    void overlapIsTheLongestRunTheNewPollStartsWith() {
        assertEquals(2, KernelLogBook.overlap(List.of("a", "b", "a"), List.of("b", "a", "c")));
        assertEquals(2, KernelLogBook.overlap(List.of("a", "a"), List.of("a", "a", "a")));
        assertEquals(0, KernelLogBook.overlap(List.of("a"), List.of("b")));
    }

    private static Reading kmsg(String records) {
        return KmsgParser.parse(new SourceText(List.of(syntop.collectors.source.RawPart.of("/dev/kmsg", records),
                syntop.collectors.source.RawPart.of("/proc/stat", "btime 1796286934\n")))).value();
    }
}
