package syntop.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.ListenQueue;

class ListenerSeriesTest {
    private static ListenQueue q(String proto, String addr, int port, long accept, long syn, long limit) {
        return new ListenQueue(proto, addr, port, accept, OptionalLong.of(syn), OptionalLong.of(limit));
    }

    @Test
    void wildcardsAreSpelledByFamilySoBsdPairsStayApart() {
        List<ListenerSeries.Row> rows = ListenerSeries.of(List.of(q("tcp4", "*", 22, 0, 0, 128),
                q("tcp6", "*", 22, 0, 0, 128), q("tcp46", "*", 80, 0, 0, 128), q("tcp6", "[::1]", 631, 0, 0, 5)), 10);
        assertEquals(java.util.Set.of("0.0.0.0 22", ":: 22", "* 80", "::1 631"),
                rows.stream().map(r -> r.address() + " " + r.port()).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void reusePortGroupsAreOneSeries() {
        List<ListenerSeries.Row> rows = ListenerSeries.of(List.of(q("tcp4", "0.0.0.0", 80, 3, 40, 128),
                q("tcp4", "0.0.0.0", 80, 5, 40, 128)), 10);
        assertEquals(1, rows.size());
        assertEquals(new ListenerSeries.Row("0.0.0.0", "80", 8, OptionalLong.of(40), OptionalLong.of(256)), rows.get(0));
    }

    @Test
    void fullestFirstAndTheRestSummedIntoOther() {
        List<ListenQueue> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(q("tcp4", "10.0.0.1", 10_000 + i, i % 7, 0, 128));
        }
        many.add(q("tcp4", "10.0.0.2", 443, 0, 129, 128)); // SYN queue over its limit: fullest
        many.add(new ListenQueue("tcp4", "10.0.0.3", 25, 1, OptionalLong.empty(), OptionalLong.empty()));
        List<ListenerSeries.Row> rows = ListenerSeries.of(many, 3);
        assertEquals(4, rows.size());
        assertEquals("443", rows.get(0).port());
        assertEquals(6, rows.get(1).acceptQueue());
        assertEquals(6, rows.get(2).acceptQueue());
        ListenerSeries.Row other = rows.get(3);
        assertEquals(ListenerSeries.OTHER, other.address());
        assertEquals(ListenerSeries.OTHER, other.port());
        long total = many.stream().mapToLong(ListenQueue::acceptQueue).sum();
        assertEquals(total - 12, other.acceptQueue());
        assertEquals(OptionalLong.of(128L * 998), other.limit());
    }

    @Test
    void aCapOfZeroFoldsEverything() {
        List<ListenerSeries.Row> rows = ListenerSeries.of(List.of(q("tcp4", "1.2.3.4", 1, 2, 3, 4)), 0);
        assertEquals(List.of(new ListenerSeries.Row("other", "other", 2, OptionalLong.of(3), OptionalLong.of(4))), rows);
    }

    @Test
    void noListenersNoSeries() {
        assertEquals(List.of(), ListenerSeries.of(List.of(), 5));
    }
}
