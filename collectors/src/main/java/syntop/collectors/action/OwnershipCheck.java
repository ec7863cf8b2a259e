package syntop.collectors.action;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import syntop.collectors.source.CommandResult;

/**
 * How to find out whether a firewall object is syntop's: one read-only command that shows it,
 * and a pure judge of that command's result. Each OS builds one per object it changes (the
 * nftables table blocks go into, the pf anchor); {@link FirewallOwner} runs it before any change.
 *
 * @param object in words ("nftables table inet syntop")
 * @param probe  the read-only argv
 * @param judge  what the probe's result says
 */
public record OwnershipCheck(String object, List<String> probe, Function<CommandResult, Ownership> judge) {
    public OwnershipCheck {
        Objects.requireNonNull(object);
        probe = List.copyOf(probe);
        Objects.requireNonNull(judge);
    }
}
