package syntop.collectors.os.bsd;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import syntop.collectors.action.SynproxyFirewall;
import syntop.collectors.action.ValueRule;
import syntop.collectors.model.OsFamily;
import syntop.collectors.os.common.SysctlInterventions;
import syntop.collectors.source.CommandRunner;

/**
 * What FreeBSD and macOS share as interventions: settings read with {@code sysctl -n}, the rules of
 * the keys both have, sources blocked in a pf table ({@link PfTables}) and pf's SYN proxy. A subclass
 * gives how its {@code sysctl} sets a key, the rules of its own keys, and how it drops connections.
 */
public abstract class BsdInterventions extends SysctlInterventions {
    private static final ValueRule PORT = ValueRule.range(1, 65535, "a port");

    /** Keys both BSDs have, with the same limits. */
    private static final Map<String, ValueRule> SHARED_RULES = Map.ofEntries(
            Map.entry("net.inet.tcp.msl", milliseconds(1000, 120_000)),
            Map.entry("net.inet.tcp.keepinit", milliseconds(1000, 600_000)),
            Map.entry("net.inet.tcp.blackhole", ValueRule.range(0, 2, "0 off, 1 SYN only, 2 all")),
            Map.entry("net.inet.tcp.drop_synfin", SWITCH),
            Map.entry("net.inet.ip.portrange.first", PORT),
            Map.entry("net.inet.ip.portrange.last", PORT));

    /**
     * @param ownRules  the rules of the keys only this OS has, or has with other limits (none of the shared ones)
     * @param sysctlSet the argv before {@code key=value} that sets a key
     */
    protected BsdInterventions(OsFamily os, CommandRunner runner, Map<String, ValueRule> ownRules, List<String> sysctlSet) {
        super(os, merged(ownRules), key -> SysctlCommands.read(runner, key), sysctlSet, new PfTables());
    }

    /** A time in milliseconds, as the BSDs keep their TCP timers; the bounds are for sanity. */
    protected static ValueRule milliseconds(long min, long max) {
        return ValueRule.range(min, max, "milliseconds; sanity bound");
    }

    private static Map<String, ValueRule> merged(Map<String, ValueRule> ownRules) {
        Map<String, ValueRule> all = new HashMap<>(SHARED_RULES);
        ownRules.forEach((key, rule) -> {
            if (all.putIfAbsent(key, rule) != null) {
                throw new IllegalArgumentException(key + " has a rule both BSDs share");
            }
        });
        return all;
    }

    @Override
    public final Optional<SynproxyFirewall> synproxy() {
        return Optional.of(new PfSynproxy());
    }
}
