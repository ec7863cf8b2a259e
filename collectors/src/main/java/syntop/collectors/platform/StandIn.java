package syntop.collectors.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import syntop.collectors.model.Snapshot;
import syntop.collectors.source.Source;

/**
 * A cheaper source that can take a polled source's place in the snapshot while the last snapshot
 * says it is cheaper (Linux reads a small connection table from /proc rather than fork {@code ss}).
 * Its result carries its own id, so recordings and statuses say which one was read.
 *
 * @param source  what is polled instead
 * @param usable  true when, judging by the last snapshot, the stand-in is the cheaper read
 */
public record StandIn(Source source, Predicate<Snapshot> usable) {
    public StandIn {
        Objects.requireNonNull(source);
        Objects.requireNonNull(usable);
    }

    /** What to poll for {@code s} this tick: its stand-in when usable after {@code last}, else {@code s}. */
    public static Source toPoll(Platform platform, Source s, Snapshot last) {
        if (last == null) {
            return s; // nothing known yet: the source itself is always right
        }
        return platform.standIn(s).filter(si -> si.usable().test(last)).map(StandIn::source).orElse(s);
    }

    /** This tick's results by the id of the source read (a stand-in's under its own id), for {@link #resultFor}. */
    public static Map<String, SourceResult> byId(List<SourceResult> results) {
        Map<String, SourceResult> byId = new HashMap<>();
        for (SourceResult r : results) {
            byId.put(r.status().id(), r);
        }
        return byId;
    }

    /** This tick's result for {@code s}: its own, its stand-in's, or null when neither was polled. */
    public static SourceResult resultFor(Platform platform, Source s, Map<String, SourceResult> byId) {
        SourceResult own = byId.get(s.id());
        if (own != null) {
            return own;
        }
        return platform.standIn(s).map(si -> byId.get(si.source().id())).orElse(null);
    }
}
