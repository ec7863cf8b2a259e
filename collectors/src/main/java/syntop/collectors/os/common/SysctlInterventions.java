package syntop.collectors.os.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import syntop.collectors.action.BlockTarget;
import syntop.collectors.action.CommandPlan;
import syntop.collectors.action.Interventions;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.action.Ownership;
import syntop.collectors.action.OwnershipCheck;
import syntop.collectors.action.Setting;
import syntop.collectors.action.SourceBlocker;
import syntop.collectors.action.ValueRule;
import syntop.collectors.model.OsFamily;
import syntop.collectors.source.CommandResult;

/**
 * What the interventions of every OS share: settings read by an OS's own reader, set by one
 * {@code sysctl} command and checked against a per-key table of rules; the same built-in profile
 * names; sources blocked in the OS's {@link SourceBlocker}. A subclass adds how its OS drops
 * connections.
 */
public abstract class SysctlInterventions implements Interventions {
    /** A key that is 0 or 1. */
    protected static final ValueRule SWITCH = ValueRule.range(0, 1, "a switch");
    /** A key the kernel holds in a signed int, with no tighter limit of its own. */
    protected static final ValueRule AN_INT = ValueRule.range(0, Integer.MAX_VALUE, "an int");
    /** A listen or SYN queue length: the kernel takes more, these bounds are for sanity. */
    protected static final ValueRule QUEUE_LENGTH = ValueRule.range(16, 1L << 24, "sanity bound");

    private static final List<String> BUILTIN = List.of("syn-flood", "time-wait", "fin-wait");

    private final OsFamily os;
    private final Map<String, ValueRule> rules;
    private final Function<String, Setting> reader;
    private final List<String> sysctlSet;
    private final SourceBlocker blocker;

    /**
     * @param rules     per-key limits, the kernel's own where it enforces them, else sanity bounds
     *                  (said so); a key not listed takes any value of the general shape
     * @param reader    reads one key's current value
     * @param sysctlSet the argv before {@code key=value} that sets a key ({@code sysctl -w} or {@code sysctl})
     * @param blocker   where blocked sources go
     */
    protected SysctlInterventions(OsFamily os, Map<String, ValueRule> rules, Function<String, Setting> reader,
            List<String> sysctlSet, SourceBlocker blocker) {
        this.os = os;
        this.rules = Map.copyOf(rules);
        this.reader = reader;
        this.sysctlSet = List.copyOf(sysctlSet);
        this.blocker = blocker;
    }

    @Override
    public final OsFamily os() {
        return os;
    }

    @Override
    public final Setting read(String key) {
        return reader.apply(key);
    }

    @Override
    public final List<String> sysctlWrite(String key, String value) {
        List<String> argv = new ArrayList<>(sysctlSet);
        argv.add(key + "=" + value);
        return List.copyOf(argv);
    }

    @Override
    public final ValueRule rule(String key) {
        return rules.getOrDefault(key, ValueRule.ANY);
    }

    @Override
    public final List<String> builtinProfiles() {
        return BUILTIN;
    }

    @Override
    public final OwnershipCheck blockOwnership(BlockTarget t) {
        return blocker.blockOwnership(t);
    }

    @Override
    public final CommandPlan block(IpPrefix p, BlockTarget t, Ownership found) {
        return blocker.block(p, t, found);
    }

    @Override
    public final CommandPlan unblock(IpPrefix p, BlockTarget t) {
        return blocker.unblock(p, t);
    }

    @Override
    public final boolean notBlocked(CommandResult failed) {
        return blocker.notBlocked(failed);
    }

    @Override
    public final String describe(BlockTarget t) {
        return blocker.describe(t);
    }
}
