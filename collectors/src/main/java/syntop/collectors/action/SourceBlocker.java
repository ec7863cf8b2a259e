package syntop.collectors.action;

import syntop.collectors.source.CommandResult;

/**
 * The firewall object an OS blocks sources in (an nftables set, a pf table): the check that it is
 * absent or syntop's, the plans that add and remove a source, and its name in words. Building the
 * plans is pure.
 */
public interface SourceBlocker {
    /** The check that the firewall object {@code target} names is absent or syntop's, run before any change. */
    OwnershipCheck blockOwnership(BlockTarget target);

    /**
     * The commands that block {@code source} (validated) in {@code target}, given what the
     * ownership check found; throws {@link Ownership#refusal()} when it is not syntop's.
     */
    CommandPlan block(IpPrefix source, BlockTarget target, Ownership found);

    /** The commands that remove {@code source} from {@code target} (checked to be syntop's). */
    CommandPlan unblock(IpPrefix source, BlockTarget target);

    /** True when a failed unblock means the address was no longer blocked (table flushed, reboot). */
    default boolean notBlocked(CommandResult failed) {
        return false;
    }

    /** Where blocked addresses go, in words ("nftables set inet syntop blocked"). */
    String describe(BlockTarget target);
}
