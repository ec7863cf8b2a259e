package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.Counters;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.KernelEvent;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.StateCounts;

class KernelEvidenceTest {
    private static final Instant NOW = Instant.parse("2026-12-03T07:35:00Z");
    private static final Verdict FLOOD = new Verdict(Verdict.Kind.SYN_FLOOD, Verdict.Severity.CRITICAL, OptionalInt.of(8080),
            "SYN flood on :8080", "129 SYN_RCVD (limit 128)");
    private static final List<ListenQueue> LISTENERS = List.of(
            new ListenQueue("tcp4", "10.99.0.2", 8080, 0, OptionalLong.of(129), OptionalLong.of(128)),
            new ListenQueue("tcp4", "0.0.0.0", 8081, 0, OptionalLong.of(0), OptionalLong.of(128)));

    @Test
    void aVerdictCarriesWhatTheKernelSaidOfTheSameListener() {
        List<Verdict> v = KernelEvidence.attach(List.of(FLOOD),
                snapshot(flood("10.99.0.2", 8081, NOW.minusSeconds(10), false), flood("10.99.0.2", 8080, NOW.minusSeconds(228), false)));
        assertEquals("129 SYN_RCVD (limit 128); kernel said at 07:31:12: possible SYN flooding on 10.99.0.2:8080, "
                + "dropping requests", v.get(0).evidence());
    }

    @Test
    void aMessageFromBeforeSyntopStartedSaysSoWhateverItsAge() {
        // printed once per listening socket: the flood under way began when it was said
        List<Verdict> v = KernelEvidence.attach(List.of(FLOOD),
                snapshot(flood("10.99.0.2", 8080, NOW.minus(Duration.ofMinutes(40)), true)));
        assertEquals("129 SYN_RCVD (limit 128); kernel said 40 min ago (06:55:00), before syntop started: possible SYN "
                + "flooding on 10.99.0.2:8080, dropping requests", v.get(0).evidence());
    }

    @Test
    void anotherNamespacesListenerOnTheSamePortSupportsNothing() {
        // the kernel's log is the machine's: 10.0.0.5:8080 is not a listener of this snapshot
        assertEquals(List.of(FLOOD), KernelEvidence.attach(List.of(FLOOD),
                snapshot(flood("10.0.0.5", 8080, NOW.minusSeconds(5), false))));
    }

    @Test
    void anOldMessageThatNamesNoListenerOrOneWithoutATimeSupportsNothing() {
        KernelEvent oldDrop = new KernelEvent(KernelEvent.Kind.OPEN_REQUEST_DROPPED, Optional.of(NOW.minus(Duration.ofMinutes(11))),
                KernelEvent.Timing.KERNEL, Optional.empty(), 1, Optional.of("192.0.2.7"), OptionalInt.of(51234),
                OptionalLong.empty(), "dropped an open request from 192.0.2.7 port 51234", "…", true);
        KernelEvent untimed = new KernelEvent(KernelEvent.Kind.SYN_FLOOD, Optional.empty(), KernelEvent.Timing.UNKNOWN,
                Optional.empty(), 2, Optional.empty(), OptionalInt.of(8080), OptionalLong.empty(), "x", "x", true);
        assertEquals(List.of(FLOOD), KernelEvidence.attach(List.of(FLOOD), snapshot(oldDrop, untimed)));
    }

    @Test
    void aWildcardListenerIsNamedAsTheKernelNamesIt() {
        Verdict full = new Verdict(Verdict.Kind.ACCEPT_QUEUE_FULL, Verdict.Severity.WARNING, OptionalInt.of(8081), "s", "e");
        KernelEvent overflow = new KernelEvent(KernelEvent.Kind.LISTEN_QUEUE_OVERFLOW, Optional.of(NOW.minusSeconds(3)),
                KernelEvent.Timing.SEEN, Optional.empty(), 1, Optional.of("0.0.0.0"), OptionalInt.of(8081),
                OptionalLong.of(3), "listen queue overflow on 0.0.0.0:8081", "…", false);
        assertEquals("e; kernel said by 07:34:57: listen queue overflow on 0.0.0.0:8081",
                KernelEvidence.attach(List.of(full), snapshot(overflow)).get(0).evidence());
    }

    private static Snapshot snapshot(KernelEvent... events) {
        return new Snapshot(NOW, 0, new HostInfo("web1", OsFamily.LINUX, "Linux 6.18"), Map.of(), StateCounts.empty(),
                Counters.builder().build(), LISTENERS, Map.of(), Map.of(), List.of(events));
    }

    private static KernelEvent flood(String address, int port, Instant at, boolean before) {
        return new KernelEvent(KernelEvent.Kind.SYN_FLOOD, Optional.of(at), KernelEvent.Timing.KERNEL,
                Optional.of(Duration.ofSeconds(100)), port, Optional.of(address), OptionalInt.of(port),
                OptionalLong.empty(), "possible SYN flooding on " + address + ":" + port + ", dropping requests", "…", before);
    }
}
