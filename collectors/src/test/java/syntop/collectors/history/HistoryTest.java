package syntop.collectors.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.Counters;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.model.StateCounts;
import syntop.collectors.model.TcpState;

class HistoryTest {
    private static final HostInfo HOST = new HostInfo("h", OsFamily.LINUX, "Linux test");

    private static Snapshot at(double seconds, Map<CounterId, Long> counters, long synRcvd) {
        Counters.Builder c = Counters.builder();
        counters.forEach(c::put);
        long nanos = (long) (seconds * 1e9);
        return new Snapshot(Instant.EPOCH.plusNanos(nanos), nanos, HOST,
                Map.of("src", new SourceStatus("src", SourceHealth.OK, "", Duration.ofMillis(3), Duration.ofSeconds(1), false)),
                StateCounts.of(Map.of(TcpState.SYN_RCVD, synRcvd)), c.build(), List.of(), Map.of(), Map.of());
    }

    /** A history of one counter read once a second, from second 0: these values in turn. */
    private static History counter(CounterId id, long... values) {
        History h = new History(10);
        for (int i = 0; i < values.length; i++) {
            h.add(at(i, Map.of(id, values[i]), 0));
        }
        return h;
    }

    @Test
    void rateIsTheIncreasePerSecond() {
        History h = new History(10);
        h.add(at(0, Map.of(CounterId.SYNCOOKIES_SENT, 100L), 0));
        assertEquals(RateStatus.INIT, h.rate(CounterId.SYNCOOKIES_SENT).status());
        h.add(at(2, Map.of(CounterId.SYNCOOKIES_SENT, 900L), 0));
        assertEquals(Rate.of(400), h.rate(CounterId.SYNCOOKIES_SENT));
    }

    @Test
    void aCounterGoingBackwardsIsAResetNotANegativeRate() {
        History h = counter(CounterId.LISTEN_DROPS, 5_000_000_000L, 10L);
        assertEquals(RateStatus.RESET, h.rate(CounterId.LISTEN_DROPS).status());
        h.add(at(2, Map.of(CounterId.LISTEN_DROPS, 30L), 0));
        assertEquals(Rate.of(20), h.rate(CounterId.LISTEN_DROPS));
    }

    @Test
    void a32BitCounterThatWrapsCountsAcrossTheWrap() {
        History h = counter(CounterId.SEGMENTS_SENT, 4_294_967_000L, 704L);
        assertEquals(Rate.of(1000), h.rate(CounterId.SEGMENTS_SENT));
    }

    @Test
    void gaugesGetAChangePerSecondThatCanBeNegative() {
        History h = counter(CounterId.PF_STATES, 1000L, 400L);
        assertEquals(Rate.of(-600), h.rate(CounterId.PF_STATES));
    }

    @Test
    void aCounterThatDisappearsIsStaleAndOneNeverSeenIsAbsent() {
        History h = new History(10);
        h.add(at(0, Map.of(CounterId.SYNCOOKIES_SENT, 1L), 0));
        h.add(at(1, Map.of(), 0));
        assertEquals(RateStatus.STALE, h.rate(CounterId.SYNCOOKIES_SENT).status());
        assertEquals(RateStatus.ABSENT, h.rate(CounterId.PF_SYNPROXY).status());
    }

    @Test
    void seriesKeepTheNewestAndHoldFifteenMinutes() {
        History h = new History();
        assertTrue(h.capacity() >= 900);
        for (int i = 0; i <= 1000; i++) {
            h.add(at(i, Map.of(CounterId.LISTEN_DROPS, i * 10L), i));
        }
        double[] rates = h.rateSeries(CounterId.LISTEN_DROPS, 3);
        assertArrayEquals(new double[] {10, 10, 10}, rates);
        assertEquals(900, h.rateSeries(CounterId.LISTEN_DROPS, 5000).length);
        assertArrayEquals(new double[] {999, 1000}, h.stateSeries(TcpState.SYN_RCVD, 2));
        assertEquals(1.0, h.stateChangePerSecond(TcpState.SYN_RCVD).orElseThrow());
        assertEquals(History.RECENT_SNAPSHOTS, h.recent().size());
        assertEquals(1001, h.ticks());
    }

    @Test
    void pollTimesGoToAHistogramPerSource() {
        History h = new History(10);
        for (int i = 0; i < 100; i++) {
            h.add(at(i, Map.of(), 0));
        }
        assertEquals(100, h.pollTimes().count("src"));
        long p50 = h.pollTimes().percentile("src", 50).orElseThrow().toMillis();
        assertEquals(3, p50);
        assertTrue(h.pollTimes().percentile("other", 99).isEmpty());
    }
}
