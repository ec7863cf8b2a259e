package syntop.collectors.action;

import java.util.List;
import java.util.Optional;

import syntop.collectors.model.OsFamily;
import syntop.collectors.source.CommandResult;

/**
 * What one OS family offers an operator who wants to act: how to read and set sysctl keys, which
 * values each key takes, how to drop connections and block sources, and which built-in profiles
 * it ships (blocking is its {@link SourceBlocker} part). Building plans is pure; only {@link #read}
 * does I/O. Generic code ({@link Actions}) runs the plans and never switches on the OS.
 */
public interface Interventions extends SourceBlocker {
    OsFamily os();

    /**
     * The network stack the actions act on, as its state is kept: on Linux the network namespace
     * the commands run in ({@code net:[INODE]}, the link {@code /proc/self/ns/net} read there);
     * {@value #ONE_STACK} where the OS has one. Throws {@link ActionRefused} when it cannot be read,
     * since state kept under the wrong namespace would restore the wrong kernel.
     */
    default String networkNamespace() {
        return ONE_STACK;
    }

    /** The name of the only network stack of an OS without namespaces. */
    String ONE_STACK = "host";

    // ---- sysctl ----

    /** The current value of {@code key} (validated), or why there is none. */
    Setting read(String key);

    /** The argv that sets {@code key} to {@code value} (both already checked). */
    List<String> sysctlWrite(String key, String value);

    /** A key this OS must never be given, with the reason ({@code tcp_tw_recycle} on Linux). */
    default Optional<String> forbidden(String key) {
        return Optional.empty();
    }

    /** The values {@code key} accepts on this OS. */
    default ValueRule rule(String key) {
        return ValueRule.ANY;
    }

    /** Key and value checked for this OS; returns the normalised value or throws {@link ActionRefused}. */
    default String check(String key, String value) {
        String k = Inputs.tunableKey(key);
        forbidden(k).ifPresent(why -> {
            throw ActionRefused.invalid(k + ": " + why);
        });
        return rule(k).check(k, value);
    }

    /** Names of the built-in profiles for this OS, e.g. {@code syn-flood}. */
    List<String> builtinProfiles();

    /** The class-path resource that holds built-in profile {@code name}. */
    default String builtinResource(String name) {
        return "/syntop/profiles/" + os().token() + "/" + name + ".conf";
    }

    // ---- dropping connections ----

    /**
     * The commands that drop the connections {@code filter} selects. A plan starts with a
     * {@link CommandPlan.Kind#QUERY} that lists or counts the matches (unless the OS cannot), and
     * may end with one that counts again. Throws {@link ActionRefused} with reason
     * {@link ActionRefused.Reason#UNSUPPORTED} when the OS has no tool for this filter.
     */
    CommandPlan drop(ConnectionFilter filter);

    /** How many connections a query step's output lists for {@code filter}. */
    long countMatches(ConnectionFilter filter, CommandResult listing);

    /** The per-connection argvs for an {@link CommandPlan.Kind#EACH} step, from the query's output. */
    default List<List<String>> expand(ConnectionFilter filter, CommandResult listing) {
        return List.of();
    }

    /** Why a command of a drop plan failed, in words (a missing option on an older release, say). */
    default String explain(CommandResult failed) {
        String err = failed.stderr().isBlank() ? failed.detail() : failed.stderr();
        String line = err.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? "exit status " + failed.exitCode() : line;
    }

    /**
     * What happened, from the counts before and after (-1 when the plan has no query) and the
     * change commands' results.
     */
    DropOutcome judgeDrop(ConnectionFilter filter, long before, List<CommandResult> changes, long after);

    /** The verdict on a drop. */
    record DropOutcome(boolean ok, String message) {
    }

    // ---- SYN proxy ----

    /** The firewall's SYN proxy in an object syntop owns; empty where syntop knows none. */
    default Optional<SynproxyFirewall> synproxy() {
        return Optional.empty();
    }
}
