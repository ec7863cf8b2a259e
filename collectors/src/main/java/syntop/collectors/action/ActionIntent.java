package syntop.collectors.action;

import java.util.List;
import java.util.Objects;

/**
 * An action syntop is asked to take, as the audit log records it: its name ("block 192.0.2.9")
 * and what it concerns, the addresses or the {@code key=value} pairs. Refusals carry one too, so
 * a refused action is on record with what it would have touched.
 *
 * @param action   the action in words
 * @param subjects the addresses, keys or filter it concerns
 */
public record ActionIntent(String action, List<String> subjects) {
    public ActionIntent {
        Objects.requireNonNull(action);
        subjects = List.copyOf(subjects);
    }

    public static ActionIntent of(String action) {
        return new ActionIntent(action, List.of());
    }

    public static ActionIntent apply(Profile p) {
        return new ActionIntent("apply " + p.name(), p.entries().stream().map(e -> e.key() + "=" + e.value()).toList());
    }

    /** Applying a profile that could not be read or parsed: only what was asked is known. */
    public static ActionIntent apply(String asked) {
        return new ActionIntent("apply " + asked, List.of());
    }

    public static ActionIntent undo(List<String> keys) {
        return new ActionIntent("undo", keys);
    }

    public static ActionIntent drop(ConnectionFilter f) {
        return new ActionIntent("drop " + f.describe(), List.of(f.describe()));
    }

    public static ActionIntent block(List<IpPrefix> sources) {
        return addresses("block", sources);
    }

    public static ActionIntent unblock(List<IpPrefix> sources) {
        return addresses("unblock", sources);
    }

    private static ActionIntent addresses(String verb, List<IpPrefix> sources) {
        List<String> a = sources.stream().distinct().map(IpPrefix::toString).toList();
        return new ActionIntent(a.isEmpty() ? verb : verb + " " + String.join(" ", a), a);
    }
}
