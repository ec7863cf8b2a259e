package syntop.collectors.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.detect.Thresholds;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.os.freebsd.FreeBsdPlatform;
import syntop.collectors.platform.Platform;
import syntop.collectors.source.Source;

/** A recording made when the BSD settings source was named by its argv slug replays under its short id. */
class FormerSourceIdsTest {
    @Test
    void aRecordingThatNamesSysctlByItsArgvSlugReplays(@TempDir Path dir) throws Exception {
        Kit.Setup now = Kit.freebsd();
        FreeBsdPlatform bsd = new FreeBsdPlatform(new HostInfo("bsd", OsFamily.FREEBSD, "FreeBSD 14.1-RELEASE"));
        String former = Source.slug(FreeBsdPlatform.SYSCTL);
        Platform before = new Platform() {
            @Override
            public OsFamily os() {
                return bsd.os();
            }

            @Override
            public HostInfo host() {
                return bsd.host();
            }

            @Override
            public List<Source> sources() {
                return bsd.sources().stream().map(s -> !s.id().equals(FreeBsdPlatform.TUNABLES_ID) ? s
                        : new Source(former, s.acquisition(), s.parser(), s.budget(), s.cost(), s.optional(), s.every(),
                                s.background()))
                        .toList();
            }
        };
        Path file = dir.resolve("old.rec");
        Kit.record(new Kit.Setup(before, now.acquirer()), file, 3, TickRecorder.DEFAULT_RAW_TABLE_LIMIT, 300,
                RecordWriter.Limits.defaults(), new ArrayList<>());

        Replay replay = Replay.open(List.of(file), Thresholds.defaults());
        assertEquals(List.of(), replay.notes());
        for (int i = 0; i < replay.size(); i++) {
            Snapshot s = replay.seek(i).snapshot();
            SourceStatus sysctl = s.sources().get("sysctl");
            assertEquals(SourceHealth.OK, sysctl.health(), sysctl.detail());
            assertFalse(s.sources().containsKey(former));
            assertEquals("15364", s.tunables().get("net.inet.tcp.syncache.cachelimit"));
        }
    }
}
