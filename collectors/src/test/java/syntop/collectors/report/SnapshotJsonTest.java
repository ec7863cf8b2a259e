package syntop.collectors.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import syntop.collectors.detect.Detectors;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.history.History;
import syntop.collectors.json.JsonReader;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.Counters;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.KernelEvent;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.StateCounts;

class SnapshotJsonTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:10Z");

    @Test
    @SuppressWarnings("unchecked")
    void aKernelEventSaysWhatIsKnownOfItAndNullForTheRest() {
        KernelEvent dated = new KernelEvent(KernelEvent.Kind.SYN_FLOOD, Optional.of(NOW.minusMillis(2500)),
                KernelEvent.Timing.KERNEL, Optional.of(Duration.ofMillis(1500)), 7, Optional.of("10.0.0.1"),
                OptionalInt.of(8080), OptionalLong.empty(), "possible SYN flooding on 10.0.0.1:8080", "text", false);
        KernelEvent undated = new KernelEvent(KernelEvent.Kind.MESSAGES_SUPPRESSED, Optional.empty(),
                KernelEvent.Timing.SEEN, Optional.empty(), 8, Optional.empty(), OptionalInt.empty(), OptionalLong.of(3),
                "3 more messages suppressed", "text", false);
        Snapshot s = new Snapshot(NOW, 0, new HostInfo("h", OsFamily.LINUX, "6.18"), Map.of(), StateCounts.empty(),
                Counters.empty(), List.of(), Map.of(), Map.of(), List.of(dated, undated));
        History h = new History();
        String json = SnapshotJson.snapshot(new JudgedTick(1, s, List.of(), Detectors.judgement(h, Thresholds.defaults()), h));
        List<Map<String, Object>> events = (List<Map<String, Object>>) ((Map<String, Object>) JsonReader.parse(json))
                .get("kernel_events");
        Map<String, Object> a = events.get(0);
        assertEquals("2026-12-03T10:00:07.500Z", a.get("at"));
        assertEquals(2.5, ((Number) a.get("age_s")).doubleValue());
        assertEquals(1.5, ((Number) a.get("since_boot_s")).doubleValue());
        assertEquals("10.0.0.1", a.get("address"));
        assertEquals(8080L, ((Number) a.get("port")).longValue());
        assertNull(a.get("count"));
        Map<String, Object> b = events.get(1);
        for (String unknown : List.of("at", "age_s", "since_boot_s", "address", "port")) {
            assertEquals(true, b.containsKey(unknown), unknown + " is there, as null");
            assertNull(b.get(unknown), unknown);
        }
        assertEquals(3L, ((Number) b.get("count")).longValue());
    }
}
