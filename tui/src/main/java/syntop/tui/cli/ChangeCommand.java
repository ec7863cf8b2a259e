package syntop.tui.cli;

import java.util.function.Supplier;

import picocli.CommandLine.Option;
import syntop.collectors.action.ActionIntent;
import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.ActionReport;
import syntop.collectors.action.Actions;

/**
 * An action subcommand that changes the system: it shows its plan, stops there on a dry run, and
 * otherwise goes ahead only when the change is allowed and confirmed. Each command declares its
 * own {@code --dry-run} (through {@link #dryRun(boolean)}), saying what its dry run shows.
 */
abstract class ChangeCommand extends ActionCommand {
    @Option(names = {"-y", "--yes"}, description = "do not ask (scripts); without it and without a terminal, refuse")
    boolean yes;

    boolean dryRun;

    /** Set by the subclass's {@code --dry-run} option. */
    abstract void dryRun(boolean on);

    /** A dry run attempts nothing, so its refusals are not on record as an attempted change. */
    @Override
    void attempting(Actions a, ActionIntent intent) {
        if (!dryRun) {
            super.attempting(a, intent);
        }
    }

    /**
     * What follows the plan: a dry run ends here; otherwise {@code intent} must be allowed (not
     * read-only, root) and {@code question} confirmed, then {@code change} runs and its report is
     * printed.
     */
    int change(Actions a, ActionIntent intent, String question, Supplier<ActionReport> change) {
        if (dryRun) {
            out().println("dry run: nothing was changed");
            return ExitCodes.OK;
        }
        a.guard().checkAllowed(intent);
        confirm(question);
        return report(change.get());
    }

    /** Goes on only with --yes or a "y" typed at the terminal; without a terminal it refuses. */
    private void confirm(String question) {
        if (yes) {
            return;
        }
        out().flush();
        Boolean answer = env().confirmation().ask(question).orElseThrow(() -> new ActionRefused(
                ActionRefused.Reason.NOT_CONFIRMED, "no terminal to confirm on: pass --yes to go ahead without asking, "
                        + "or --dry-run to see what it would do; nothing was changed"));
        if (!answer) {
            throw new ActionRefused(ActionRefused.Reason.NOT_CONFIRMED, "cancelled; nothing was changed");
        }
    }
}
