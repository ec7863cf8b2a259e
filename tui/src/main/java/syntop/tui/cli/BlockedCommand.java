package syntop.tui.cli;

import java.util.List;

import picocli.CommandLine.Command;
import syntop.collectors.action.Actions;
import syntop.collectors.action.BlockedList;

/** {@code syntop blocked}: what syntop blocked, where, and since when. */
@Command(name = "blocked", mixinStandardHelpOptions = true,
        description = "List the addresses syntop blocked (its own record; the firewall is the truth).")
final class BlockedCommand extends ActionCommand {
    @Override
    int run() {
        Actions a = actions();
        List<BlockedList.Entry> list = a.blocks().blocked();
        if (list.isEmpty()) {
            out().println("syntop has blocked nothing in network namespace " + a.namespace());
            return ExitCodes.OK;
        }
        out().println("blocked by syntop in network namespace " + a.namespace() + ":");
        out().printf("%-40s %-28s %s%n", "ADDRESS", "WHERE", "SINCE");
        for (BlockedList.Entry e : list) {
            out().printf("%-40s %-28s %s%n", e.source(), a.interventions().describe(e.target()), e.at());
        }
        return ExitCodes.OK;
    }
}
