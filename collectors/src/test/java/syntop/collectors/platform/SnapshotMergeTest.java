package syntop.collectors.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.AddressCount;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.ProcessOwner;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Reading;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.model.StateCounts;
import syntop.collectors.model.TcpState;

/** The merge rules of one tick, each on its own: priority, lent limits, unions, SYN queues from SYN_RECV. */
class SnapshotMergeTest {
    private static final HostInfo HOST = new HostInfo("h", OsFamily.LINUX, "Linux 6");

    private static SnapshotMerge.Contribution from(String id, Reading r) {
        return new SnapshotMerge.Contribution(r, new SourceStatus(id, SourceHealth.OK, "", Duration.ZERO,
                Duration.ofSeconds(1), false));
    }

    private static Snapshot merge(SnapshotMerge.Contribution... c) {
        return SnapshotMerge.merge(Instant.EPOCH, 7, HOST, List.of(c));
    }

    private static ListenQueue queue(int port, long accept, Long syn, Long limit) {
        return new ListenQueue("tcp4", "0.0.0.0", port, accept, syn == null ? OptionalLong.empty() : OptionalLong.of(syn),
                limit == null ? OptionalLong.empty() : OptionalLong.of(limit));
    }

    @Test
    void theFirstSourceThatCountsStatesWinsAndBringsItsSynRecvPerPort() {
        Snapshot s = merge(
                from("empty", Reading.empty()),
                from("table", Reading.builder().states(StateCounts.of(Map.of(TcpState.SYN_RCVD, 129L)))
                        .synRecvByPort(Map.of(8080, 129L)).build()),
                from("other", Reading.builder().states(StateCounts.of(Map.of(TcpState.SYN_RCVD, 5L)))
                        .synRecvByPort(Map.of(8080, 5L)).listener(queue(8080, 0, null, 128L)).build()));
        assertEquals(129, s.states().get(TcpState.SYN_RCVD));
        assertEquals(OptionalLong.of(129), s.listeners().get(0).synQueue(), "the per-port count of the winning table");
    }

    @Test
    void theFirstSourceThatListsListenersWinsAndALaterOneOnlyLendsLimits() {
        Snapshot s = merge(
                from("proc", Reading.builder().listener(queue(8080, 3, null, null)).listener(queue(22, 0, null, 128L))
                        .build()),
                from("ss-ltn", Reading.builder().listener(queue(8080, 9, null, 64L)).listener(queue(22, 0, null, 4096L))
                        .listener(queue(9999, 1, null, 10L)).build()));
        assertEquals(2, s.listeners().size(), "a listener only the later source lists is not added");
        ListenQueue web = s.listeners().get(0);
        assertEquals(3, web.acceptQueue(), "the first source's queue stands");
        assertEquals(OptionalLong.of(64), web.limit(), "the limit is lent");
        assertEquals(OptionalLong.of(128), s.listeners().get(1).limit(), "a known limit is not replaced");
    }

    @Test
    void aLaterSourceLendsOwnersToListenersThatHaveTheirLimitAlready() {
        Snapshot s = merge(from("table", Reading.builder().listener(queue(8080, 9, null, 128L)).build()),
                from("ss-ltnp", Reading.builder().listener(queue(8080, 0, null, 128L).withProcess(ProcessOwner.of(812, "nginx")))
                        .build()));
        assertEquals(Optional.of(ProcessOwner.of(812, "nginx")), s.listeners().get(0).process());
        assertEquals(9, s.listeners().get(0).acceptQueue(), "the queues stay the first source's");
    }

    @Test
    void countersAndTunablesAreUnitedAndRemotesTakenPerStateFromTheFirst() {
        Snapshot s = merge(
                from("a", Reading.builder().counter(CounterId.LISTEN_DROPS, 10).tunable("x", "1")
                        .remotes(TcpState.SYN_RCVD, List.of(new AddressCount("10.0.0.1", 9))).build()),
                from("b", Reading.builder().counter(CounterId.SYNCOOKIES_SENT, 4).tunable("y", "2")
                        .remotes(TcpState.SYN_RCVD, List.of(new AddressCount("10.0.0.2", 1)))
                        .remotes(TcpState.TIME_WAIT, List.of(new AddressCount("10.0.0.3", 2))).build()));
        assertEquals(OptionalLong.of(10), s.counters().get(CounterId.LISTEN_DROPS));
        assertEquals(OptionalLong.of(4), s.counters().get(CounterId.SYNCOOKIES_SENT));
        assertEquals(Map.of("x", "1", "y", "2"), s.tunables());
        assertEquals("10.0.0.1", s.remotes(TcpState.SYN_RCVD).get(0).address());
        assertEquals("10.0.0.3", s.remotes(TcpState.TIME_WAIT).get(0).address());
    }

    @Test
    void aListeningPortWithoutHalfOpenConnectionsHasZeroOnlyWhenATableWasRead() {
        Reading listeners = Reading.builder().listener(queue(8080, 0, null, 128L)).build();
        Snapshot withTable = merge(from("l", listeners),
                from("t", Reading.builder().states(StateCounts.of(Map.of(TcpState.LISTEN, 1L))).build()));
        assertEquals(OptionalLong.of(0), withTable.listeners().get(0).synQueue());
        Snapshot without = merge(from("l", listeners));
        assertTrue(without.listeners().get(0).synQueue().isEmpty(), "no table: the SYN queue is unknown, not 0");
    }

    @Test
    void everySourceStatusIsKeptInOrderWithTheTickTimes() {
        Snapshot s = merge(from("b", Reading.empty()), from("a", Reading.empty()));
        assertEquals(List.of("b", "a"), List.copyOf(s.sources().keySet()));
        assertEquals(7, s.monoNanos());
        assertEquals(HOST, s.host());
    }
}
