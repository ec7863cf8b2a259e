package syntop.collectors.os.macos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.CommandPlan;
import syntop.collectors.action.ConnectionFilter;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.action.ValueRule;
import syntop.collectors.model.OsFamily;
import syntop.collectors.os.bsd.BsdInterventions;
import syntop.collectors.os.bsd.PfTables;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;

/**
 * macOS interventions: {@code sysctl -w key=value}; pf tables to block sources. macOS has no tool
 * that drops kernel sockets (no tcpdrop, no ss -K): syntop says so, and offers what exists,
 * killing pf's states for a remote address ({@code pfctl -k}).
 */
public final class MacOsInterventions extends BsdInterventions {
    /** What the operator reads when asking macOS to drop connections. */
    public static final String NO_DROP = "macOS has no tool that drops kernel TCP sockets (no tcpdrop, no ss -K). "
            + "What exists: pfctl -k ADDR kills pf's states for a remote address (give one), "
            + "and blocking the source (b, or syntop block)";

    /** The rules of macOS's own keys; those both BSDs have are {@link BsdInterventions}'. */
    private static final Map<String, ValueRule> RULES = Map.ofEntries(
            // xnu keeps the listen queue limit in a short
            Map.entry("kern.ipc.somaxconn", ValueRule.range(16, 32767, "the kernel keeps it in 16 bits")),
            Map.entry("net.inet.tcp.keepintvl", milliseconds(1000, 600_000)),
            Map.entry("net.inet.tcp.keepcnt", ValueRule.range(1, 64, "probes; sanity bound")));

    /** {@code runner} reads settings ({@code sysctl -n}); macOS's sysctl sets with {@code -w key=value}. */
    public MacOsInterventions(CommandRunner runner) {
        super(OsFamily.MACOS, runner, RULES, List.of("sysctl", "-w"));
    }

    @Override
    public CommandPlan drop(ConnectionFilter f) {
        if (f.remote().isEmpty()) {
            throw new ActionRefused(ActionRefused.Reason.UNSUPPORTED, NO_DROP);
        }
        IpPrefix r = f.remote().get();
        for (ConnectionFilter.Except e : f.except()) {
            if (r.contains(e.remote()) || e.remote().contains(r)) {
                throw new ActionRefused(ActionRefused.Reason.INVALID, "pfctl -k kills every pf state from " + r + ", and cannot spare the connections "
                        + e.describe() + " (your own session); name a prefix without it");
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("macOS cannot drop kernel sockets: this kills pf's state entries for " + r + ", which ends only "
                + "connections pf tracks (pf enabled, stateful rules); the sockets themselves time out");
        if (f.state().isPresent() || f.localPort().isPresent()) {
            notes.add("pfctl -k cannot select by state or port: it kills every pf state from " + r);
        }
        return new CommandPlan("kill pf's states from " + r + " (macOS has no socket drop)",
                List.of(CommandPlan.change("kill pf's states from " + r, PfTables.killStates(r))), notes);
    }

    @Override
    public long countMatches(ConnectionFilter f, CommandResult listing) {
        return 0;
    }

    @Override
    public DropOutcome judgeDrop(ConnectionFilter f, long before, List<CommandResult> changes, long after) {
        if (changes.isEmpty()) {
            return new DropOutcome(false, "nothing was run");
        }
        CommandResult r = changes.get(0);
        if (!r.succeeded()) {
            return new DropOutcome(false, "pfctl -k failed: " + explain(r));
        }
        return new DropOutcome(true, "killed " + PfTables.killedStates(r.stderr() + r.stdoutText())
                + " pf states; kernel sockets were not touched (macOS has no socket drop)");
    }
}
