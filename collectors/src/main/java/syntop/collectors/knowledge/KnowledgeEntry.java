package syntop.collectors.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import syntop.collectors.model.OsFamily;

/**
 * What syntop knows about one name: a tunable, a counter, a TCP state or a verdict kind.
 *
 * @param name     the name the entry is filed under (a sysctl key, a counter or state label, a verdict kind)
 * @param kind     which of the four it is
 * @param also     other names that find it (raw counter names, other spellings)
 * @param what     one line: what it is
 * @param unit     what its value is measured in
 * @param perOs    per OS: the default, its name there, or "absent: ..." where it does not exist
 * @param limits   what it limits or counts and how it interacts with other settings; may be empty
 * @param tradeoff what changing it costs, or how to read it; may be empty
 * @param source   where the facts can be checked
 */
public record KnowledgeEntry(String name, Kind kind, List<String> also, String what, String unit,
        java.util.Map<OsFamily, String> perOs, String limits, String tradeoff, String source) {
    public enum Kind {
        TUNABLE, COUNTER, STATE, VERDICT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The word that marks an OS where the name does not exist. */
    public static final String ABSENT = "absent";

    public KnowledgeEntry {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        also = List.copyOf(also);
        Objects.requireNonNull(what);
        Objects.requireNonNull(unit);
        perOs = java.util.Map.copyOf(perOs);
        Objects.requireNonNull(limits);
        Objects.requireNonNull(tradeoff);
        Objects.requireNonNull(source);
    }

    /** What the entry says about {@code os}, if anything. */
    public Optional<String> on(OsFamily os) {
        return Optional.ofNullable(perOs.get(os));
    }

    /** True when the entry says the name does not exist on {@code os}. */
    public boolean absentOn(OsFamily os) {
        return on(os).map(s -> s.startsWith(ABSENT)).orElse(false);
    }
}
