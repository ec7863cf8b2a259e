package syntop.tui.cli;

import java.util.List;
import java.util.TreeSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.ActionIntent;
import syntop.collectors.action.Actions;
import syntop.collectors.action.ProfileDiff;
import syntop.collectors.action.SynproxyPlan;

/** {@code syntop undo}: puts back the values the last applied profile replaced. */
@Command(name = "undo", mixinStandardHelpOptions = true,
        description = {"Restore the sysctl values the last applied profile replaced, and forget them.",
            "When syntop's SYN proxy went on after that profile, take the proxy off instead.",
            "Repeat to walk back through earlier profiles."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:restored", "1:a key could not be restored (it stays saved)",
            "3:refused: nothing to undo, read-only, not root, not confirmed"})
final class UndoCommand extends ChangeCommand {
    @Override
    @Option(names = "--dry-run", description = "show what would be restored; change nothing")
    void dryRun(boolean on) {
        dryRun = on;
    }

    @Override
    int run() {
        Actions a = actions();
        if (a.interventions().synproxy().isPresent() && a.synproxy().undoesFirst()) {
            return undoSynproxy(a);
        }
        ActionIntent intent = ActionIntent.undo(List.of());
        attempting(a, intent);
        ProfileDiff d = a.tuning().undoDiff().orElseThrow(() -> new ActionRefused(ActionRefused.Reason.NOTHING_TO_DO,
                a.tuning().nothingToUndo()));
        intent = ActionIntent.undo(d.rows().stream().map(r -> r.key() + "=" + r.wanted()).toList());
        attempting(a, intent);
        out().println(d.title() + ": current value, value to restore");
        print(d.lines());
        return change(a, intent, "Restore " + d.rows().size() + " value(s)?", () -> a.tuning().undo());
    }

    /** The newest thing to undo is syntop's SYN proxy: take it off, all of it. */
    private int undoSynproxy(Actions a) {
        ActionIntent intent = new ActionIntent("synproxy off --all", List.of());
        attempting(a, intent);
        SynproxyPlan plan = a.synproxy().planOff(new TreeSet<>());
        out().println("undo: " + plan.title() + ":");
        print(plan.lines());
        return change(a, intent, "Take the SYN proxy off?", () -> a.synproxy().off(new TreeSet<>()));
    }
}
