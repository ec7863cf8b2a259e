package syntop.collectors.action;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;

/**
 * Blocking sources in a firewall object syntop owns, and unblocking them; the blocked list of this
 * namespace remembers what syntop blocked. Before any change the object is checked to be
 * syntop's ({@link FirewallOwner}); every change goes through the {@link ActionGuard}.
 */
public final class BlockActions extends ActionRole {
    /** Shortest IPv4 prefix syntop blocks (a /7 is 2% of the Internet). */
    public static final int MIN_IPV4_BITS = 8;
    public static final int MIN_IPV6_BITS = 16;


    BlockActions(Interventions os, ActionGuard guard) {
        super(os, guard);
    }

    /** Refuses sources syntop never blocks: loopback, unspecified, very wide prefixes, the operator's own address. */
    public IpPrefix checkBlockable(IpPrefix p) {
        if (p.touchesLoopbackOrUnspecified()) {
            throw ActionRefused.invalid("syntop does not block " + p + ": it is or holds a loopback or unspecified address");
        }
        checkWidth(p, "syntop does not block " + p);
        for (IpPrefix mine : guard.settings().protectedSources()) {
            if (p.contains(mine)) {
                throw ActionRefused.invalid("syntop does not block " + p + ": your own session comes from " + mine);
            }
        }
        return p;
    }

    /** Refuses a prefix wider than syntop acts on, {@code refusal} saying what it will not do. */
    static void checkWidth(IpPrefix p, String refusal) {
        int min = p.isIpv6() ? MIN_IPV6_BITS : MIN_IPV4_BITS;
        if (p.bits() < min) {
            throw ActionRefused.invalid(refusal + ": wider than /" + min + "; name narrower prefixes");
        }
    }

    /**
     * The commands a block would run now. Checks (read-only) whether the block table is syntop's;
     * refused when it exists without syntop's mark.
     */
    public CommandPlan planBlock(IpPrefix p) {
        BlockTarget t = guard.settings().blockTarget();
        return os.block(checkBlockable(p), t, FirewallOwner.find(os.blockOwnership(t), guard.queries()));
    }

    public CommandPlan planUnblock(IpPrefix p) {
        return os.unblock(p, targetOf(p));
    }

    private BlockTarget targetOf(IpPrefix p) {
        return guard.state().blocked().read().stream().filter(e -> e.source().equals(p)).map(BlockedList.Entry::target).findFirst()
                .orElse(guard.settings().blockTarget());
    }

    /** What syntop blocked in this namespace (its own list). */
    public List<BlockedList.Entry> blocked() {
        FileTrust.checkIfExists(guard.state().blocked().file(), guard.settings().identity());
        return guard.state().blocked().read();
    }

    /** The network namespace the blocked list belongs to. */
    public String namespace() {
        return guard.state().namespace();
    }

    /** Blocks each source; stops at nothing: each address is reported on its own line. */
    public ActionReport block(List<IpPrefix> sourcesAsked) {
        List<IpPrefix> sources = sourcesAsked.stream().distinct().toList();
        ActionIntent intent = ActionIntent.block(sources);
        if (sources.isEmpty()) {
            throw guard.refused(intent, new ActionRefused(ActionRefused.Reason.NOTHING_TO_DO, "no address to block"));
        }
        try {
            sources.forEach(this::checkBlockable);
        } catch (ActionRefused e) {
            throw guard.refused(intent, e);
        }
        BlockTarget t = guard.settings().blockTarget();
        return guard.run(intent, (run, b) -> {
            FileTrust.checkIfExists(guard.state().blocked().file(), guard.settings().identity());
            List<BlockedList.Entry> added = new ArrayList<>();
            for (IpPrefix p : sources) {
                // checked before each source: the first block may have made the table, and what it holds decides what is added
                Ownership found = FirewallOwner.find(os.blockOwnership(t), run);
                if (!found.mayChange()) {
                    if (p == sources.get(0)) {
                        throw found.refusal();
                    }
                    b.failed("stopped before " + p + ": " + found.refusal().getMessage(), List.of());
                    break;
                }
                if (runSteps(run, os.block(p, t, found), b)) {
                    added.add(new BlockedList.Entry(p, t, guard.settings().clock().instant()));
                }
            }
            return new ActionGuard.Outcome(added.size() + " of " + sources.size() + " blocked", report -> {
                for (BlockedList.Entry e : added) {
                    guard.state().blocked().add(e);
                    report.done(e.source() + " blocked in the " + os.describe(t), List.of());
                }
            });
        });
    }

    /** Removes each source from the firewall and from syntop's list. */
    public ActionReport unblock(List<IpPrefix> sourcesAsked) {
        List<IpPrefix> sources = sourcesAsked.stream().distinct().toList();
        ActionIntent intent = ActionIntent.unblock(sources);
        if (sources.isEmpty()) {
            throw guard.refused(intent, new ActionRefused(ActionRefused.Reason.NOTHING_TO_DO, "no address to unblock"));
        }
        return guard.run(intent, (run, b) -> {
            FileTrust.checkIfExists(guard.state().blocked().file(), guard.settings().identity());
            Set<BlockTarget> targets = new LinkedHashSet<>(sources.stream().map(this::targetOf).toList());
            for (BlockTarget t : targets) {
                FirewallOwner.require(os.blockOwnership(t), run);
            }
            List<IpPrefix> removed = new ArrayList<>();
            for (IpPrefix p : sources) {
                BlockTarget t = targetOf(p);
                CommandPlan plan = os.unblock(p, t);
                boolean ok = true;
                for (CommandPlan.Step s : plan.steps()) {
                    CommandResult r = run.run(s.argv(), ActionGuard.CHANGE_TIMEOUT, ActionGuard.SMALL_OUTPUT);
                    if (r.succeeded()) {
                        continue;
                    }
                    if (os.notBlocked(r)) {
                        b.info(p + " was not in the " + os.describe(t) + " (flushed or rebooted?)");
                        continue;
                    }
                    b.failed(p + ": " + s.what() + " failed: " + os.explain(r), s.argv());
                    ok = false;
                    break;
                }
                if (ok) {
                    removed.add(p);
                }
            }
            return new ActionGuard.Outcome(removed.size() + " of " + sources.size() + " unblocked", report -> {
                for (IpPrefix p : removed) {
                    guard.state().blocked().remove(p, targetOf(p));
                    report.done(p + " unblocked", List.of());
                }
            });
        });
    }

    private boolean runSteps(CommandRunner run, CommandPlan plan, ActionReport.Builder b) {
        for (CommandPlan.Step s : plan.steps()) {
            CommandResult r = run.run(s.argv(), ActionGuard.CHANGE_TIMEOUT, ActionGuard.SMALL_OUTPUT);
            if (!r.succeeded()) {
                b.failed(s.what() + " failed: " + os.explain(r), s.argv());
                return false;
            }
        }
        return true;
    }
}
