package syntop.tui.cli;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import picocli.CommandLine.Option;
import syntop.collectors.action.ActionIntent;
import syntop.collectors.action.ActionReport;
import syntop.collectors.action.Actions;
import syntop.collectors.action.CommandPlan;
import syntop.collectors.action.IpPrefix;

/** {@code block} and {@code unblock}: one change for several sources, each source with its own plan. */
abstract class SourcesCommand extends ChangeCommand {
    @Override
    @Option(names = "--dry-run", description = "show the exact commands; change nothing")
    void dryRun(boolean on) {
        dryRun = on;
    }

    /** Shows the plan {@code plan} gives for each of {@code sources}, then goes on as {@link #change} does. */
    int changeEach(Actions a, ActionIntent intent, List<IpPrefix> sources, Function<IpPrefix, CommandPlan> plan,
                   String question, Supplier<ActionReport> change) {
        attempting(a, intent);
        sources.forEach(p -> print(plan.apply(p)));
        return change(a, intent, question, change);
    }
}
