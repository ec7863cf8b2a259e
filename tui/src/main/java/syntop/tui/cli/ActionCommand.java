package syntop.tui.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import syntop.collectors.action.ActionIntent;
import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.ActionReport;
import syntop.collectors.action.Actions;
import syntop.collectors.action.CommandPlan;
import syntop.tui.action.ActionEnvironment;

/**
 * What the action subcommands share: the environment (the real machine, or fakes in tests), the
 * {@code --read-only} (here or before the subcommand), refusals printed as one plain line with their exit status,
 * and reports.
 */
abstract class ActionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    SyntopCommand parent;

    @Option(names = "--read-only", description = "refuse to act (as 'syntop --read-only …')")
    boolean readOnly;

    private ActionEnvironment environment;
    private Actions acting;
    private ActionIntent attempt;

    /** Replaces the live environment (tests). */
    ActionCommand environment(ActionEnvironment e) {
        this.environment = e;
        return this;
    }

    ActionEnvironment env() {
        if (environment == null) {
            environment = ActionEnvironment.live();
        }
        return environment;
    }

    /** The actions, read-only when asked, with the configured block table (no --table). */
    Actions actions() {
        return env().actions(readOnly(), Optional.empty());
    }

    boolean readOnly() {
        return readOnly || (parent != null && parent.readOnly);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Says what this run attempts (not a dry run): a refusal from here on, not confirming
     * included, goes into the audit log with the addresses or keys it concerned.
     */
    void attempting(Actions a, ActionIntent intent) {
        this.acting = a;
        this.attempt = intent;
    }

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (ActionRefused e) {
            if (attempt != null) {
                acting.guard().refused(attempt, e);
            }
            err().println("syntop " + spec.name() + ": " + e.getMessage());
            return e.reason() == ActionRefused.Reason.INVALID ? ExitCodes.USAGE : ExitCodes.REFUSED;
        } finally {
            out().flush();
            err().flush();
        }
    }

    abstract int run();

    void print(CommandPlan plan) {
        out().println(plan.title() + ":");
        plan.lines().forEach(out()::println);
    }

    void print(List<String> lines) {
        lines.forEach(out()::println);
    }

    int report(ActionReport r) {
        out().println(r.title() + ":");
        for (ActionReport.Line l : r.lines()) {
            out().println("  " + l.shown());
        }
        out().println(r.summary());
        return r.ok() ? ExitCodes.OK : ExitCodes.ACTION_FAILED;
    }
}
