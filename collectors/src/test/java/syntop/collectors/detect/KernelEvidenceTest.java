package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.KernelEvent;

class KernelEvidenceTest {
    private static final Instant NOW = Instant.parse("2026-12-03T07:35:00Z");
    private static final Verdict FLOOD = new Verdict(Verdict.Kind.SYN_FLOOD, Verdict.Severity.CRITICAL, OptionalInt.of(8080),
            "SYN flood on :8080", "129 SYN_RCVD (limit 128)");

    @Test
    void aVerdictCarriesWhatTheKernelSaidOfTheSamePort() {
        List<Verdict> v = KernelEvidence.attach(List.of(FLOOD),
                List.of(flood(8081, NOW.minusSeconds(10), false), flood(8080, NOW.minusSeconds(228), false)), NOW);
        assertEquals("129 SYN_RCVD (limit 128); kernel said at 07:31:12: possible SYN flooding on 10.99.0.2:8080, "
                + "dropping requests", v.get(0).evidence());
    }

    @Test
    void aMessageFromBeforeSyntopStartedSaysSo() {
        List<Verdict> v = KernelEvidence.attach(List.of(FLOOD), List.of(flood(8080, NOW.minusSeconds(240), true)), NOW);
        assertEquals("129 SYN_RCVD (limit 128); kernel said 4 min ago (07:31:00), before syntop started: possible SYN "
                + "flooding on 10.99.0.2:8080, dropping requests", v.get(0).evidence());
    }

    @Test
    void anOldMessageOrOneWithoutATimeSupportsNothing() {
        KernelEvent old = flood(8080, NOW.minus(Duration.ofMinutes(11)), true);
        KernelEvent untimed = new KernelEvent(KernelEvent.Kind.SYN_FLOOD, Optional.empty(), KernelEvent.Timing.UNKNOWN,
                Optional.empty(), 1, Optional.empty(), OptionalInt.of(8080), OptionalLong.empty(), "x", "x", true);
        assertEquals(List.of(FLOOD), KernelEvidence.attach(List.of(FLOOD), List.of(old, untimed), NOW));
    }

    private static KernelEvent flood(int port, Instant at, boolean before) {
        return new KernelEvent(KernelEvent.Kind.SYN_FLOOD, Optional.of(at), KernelEvent.Timing.KERNEL,
                Optional.of(Duration.ofSeconds(100)), port, Optional.of("10.99.0.2"), OptionalInt.of(port),
                OptionalLong.empty(), "possible SYN flooding on 10.99.0.2:" + port + ", dropping requests", "…", before);
    }
}
