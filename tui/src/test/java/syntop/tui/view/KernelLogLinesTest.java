package syntop.tui.view;

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
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.StateCounts;

class KernelLogLinesTest {
    private static final Instant NOW = Instant.parse("2026-12-03T07:35:00Z");

    @Test
    void newestFirstWithWhenAndWhetherItWasBeforeSyntop() {
        Snapshot s = snapshot(List.of(flood(8080, NOW.minusSeconds(5), false), flood(8081, NOW.minusSeconds(240), true),
                flood(8082, NOW.minusSeconds(300), true)));
        assertEquals(List.of("kernel at 07:34:55: possible SYN flooding on 10.99.0.2:8080, dropping requests",
                "kernel 4 min ago, before syntop: possible SYN flooding on 10.99.0.2:8081, dropping requests  (+1 older)"),
                KernelLogLines.lines(s, 2, 120));
        assertEquals(2, KernelLogLines.rows(s, 2));
        assertEquals(0, KernelLogLines.rows(snapshot(List.of()), 3));
    }

    @Test
    void aNarrowLineKeepsWhatTheKernelSaidAndDropsTheCount() {
        Snapshot s = snapshot(List.of(flood(8080, NOW.minusSeconds(240), true), flood(8081, NOW.minusSeconds(300), true)));
        List<String> lines = KernelLogLines.lines(s, 1, 80);
        assertEquals("kernel 4 min ago, before syntop: possible SYN flooding on 10.99.0.2:8080, dropp…", lines.get(0));
    }

    @Test
    void aLogWithoutTimesSaysSo() {
        KernelEvent e = new KernelEvent(KernelEvent.Kind.RST_LIMITED, Optional.empty(), KernelEvent.Timing.UNKNOWN,
                Optional.empty(), 1, Optional.empty(), OptionalInt.empty(), OptionalLong.of(690),
                "RSTs to closed ports limited: 690/s asked, 50/s sent", "…", true);
        assertEquals("kernel, before syntop (its log has no times): RSTs to closed ports limited: 690/s asked, 50/s sent",
                e.said(NOW, true));
    }

    private static Snapshot snapshot(List<KernelEvent> events) {
        return new Snapshot(NOW, 0, new HostInfo("web1", OsFamily.LINUX, "Linux 6.18"), Map.of(), StateCounts.empty(),
                Counters.builder().build(), List.of(), Map.of(), Map.of(), events);
    }

    private static KernelEvent flood(int port, Instant at, boolean before) {
        return new KernelEvent(KernelEvent.Kind.SYN_FLOOD, Optional.of(at), KernelEvent.Timing.KERNEL,
                Optional.of(Duration.ofSeconds(100)), port, Optional.of("10.99.0.2"), OptionalInt.of(port),
                OptionalLong.empty(), "possible SYN flooding on 10.99.0.2:" + port + ", dropping requests", "…", before);
    }
}
