package syntop.collectors.action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;

/**
 * Dropping connections: the plan, a read-only count, and the drop itself (count, destroy, count
 * again), which goes through the {@link ActionGuard}.
 */
public final class DropActions extends ActionRole {
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration EACH_TIMEOUT = Duration.ofSeconds(5);


    DropActions(Interventions os, ActionGuard guard) {
        super(os, guard);
    }

    /** The commands a drop would run (refused when the OS has no tool for the filter). */
    public CommandPlan planDrop(ConnectionFilter f) {
        return os.drop(DropGuard.check(f, guard.settings().ownSessions()));
    }

    /** Runs only the plan's first read-only query and counts the matches now; empty when the OS has none. */
    public OptionalLong countNow(ConnectionFilter asked) {
        ConnectionFilter f = DropGuard.check(asked, guard.settings().ownSessions());
        CommandPlan plan = os.drop(f);
        if (plan.steps().isEmpty() || plan.steps().get(0).kind() != CommandPlan.Kind.QUERY) {
            return OptionalLong.empty();
        }
        CommandResult r = guard.queries().run(plan.steps().get(0).argv(), QUERY_TIMEOUT, CommandRunner.DEFAULT_MAX_OUTPUT);
        return r.succeeded() ? OptionalLong.of(os.countMatches(f, r)) : OptionalLong.empty();
    }

    public ActionReport drop(ConnectionFilter asked) {
        ConnectionFilter f;
        CommandPlan plan;
        try {
            f = DropGuard.check(asked, guard.settings().ownSessions());
            plan = os.drop(f);
        } catch (ActionRefused e) {
            throw guard.refused(ActionIntent.drop(asked), e);
        }
        ActionIntent intent = ActionIntent.drop(f);
        return guard.run(intent, (run, b) -> ActionGuard.Outcome.of(runPlan(f, plan, run, b)));
    }

    private String runPlan(ConnectionFilter f, CommandPlan plan, CommandRunner run, ActionReport.Builder b) {
        long before = -1;
        long after = -1;
        CommandResult listing = null;
        List<CommandResult> changes = new ArrayList<>();
        boolean firstQuery = true;
        for (CommandPlan.Step step : plan.steps()) {
            switch (step.kind()) {
                case QUERY: {
                    if (!firstQuery && before == 0) {
                        break;
                    }
                    CommandResult r = run.run(step.argv(), QUERY_TIMEOUT, CommandRunner.DEFAULT_MAX_OUTPUT);
                    if (!r.succeeded()) {
                        b.failed(step.what() + " failed: " + os.explain(r), step.argv());
                        return firstQuery ? "nothing was dropped" : "the drop ran; the count after it failed";
                    }
                    long n = os.countMatches(f, r);
                    if (firstQuery) {
                        before = n;
                        listing = r;
                        b.done(n + " match", step.argv());
                    } else {
                        after = n;
                        b.done(n + " match after the drop", step.argv());
                    }
                    firstQuery = false;
                    break;
                }
                case CHANGE: {
                    if (before == 0) {
                        b.skipped(step.shown() + " (nothing matched)");
                        break;
                    }
                    CommandResult r = run.run(step.argv(), ActionGuard.CHANGE_TIMEOUT, CommandRunner.DEFAULT_MAX_OUTPUT);
                    changes.add(r);
                    if (r.succeeded()) {
                        b.done(step.what(), step.argv());
                    } else {
                        b.failed(step.what() + ": " + os.explain(r), step.argv());
                    }
                    firstQuery = false;
                    break;
                }
                default: {
                    if (before == 0 || listing == null) {
                        b.skipped(step.what() + " (nothing matched)");
                        break;
                    }
                    List<List<String>> argvs = os.expand(f, listing);
                    if (argvs.size() < before) {
                        b.info("only the first " + argvs.size() + " of " + before + " are dropped in one go; run it again");
                    }
                    int failed = 0;
                    for (List<String> argv : argvs) {
                        CommandResult r = run.run(argv, EACH_TIMEOUT, ActionGuard.SMALL_OUTPUT);
                        changes.add(r);
                        if (!r.succeeded()) {
                            failed++;
                        }
                    }
                    if (failed == 0) {
                        b.done(argvs.size() + " x " + Argv.shown(step.argv()), step.argv());
                    } else {
                        b.failed(failed + " of " + argvs.size() + " x " + Argv.shown(step.argv()) + " failed", step.argv());
                    }
                    firstQuery = false;
                }
            }
        }
        Interventions.DropOutcome o = os.judgeDrop(f, Math.max(0, before), changes, Math.max(0, after));
        if (o.ok()) {
            b.info(o.message());
        } else {
            b.failed(o.message(), List.of());
        }
        return o.message();
    }
}
