package syntop.tui.cli;

import java.util.OptionalLong;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import syntop.collectors.action.ActionIntent;
import syntop.collectors.action.Actions;
import syntop.collectors.action.CommandPlan;
import syntop.collectors.action.ConnectionFilter;

/** {@code syntop drop}: ends connections by state, local port and remote address. */
@Command(name = "drop", mixinStandardHelpOptions = true,
        description = {"Drop the connections that match a state, a local port and/or a remote address or prefix.",
            "Linux: ss -K; FreeBSD: tcpdrop; macOS cannot drop sockets and offers pfctl -k for a remote address."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:dropped (or nothing matched)", "1:the drop failed or dropped nothing it should have",
            "2:bad state, port or address", "3:refused: read-only, not root, not confirmed, not possible on this OS"})
final class DropCommand extends ChangeCommand {
    @Option(names = "--state", paramLabel = "STATE", description = "syn_rcvd, established, time_wait, fin_wait_1, ...")
    String state;

    @Option(names = "--port", paramLabel = "PORT", description = "local port (the server's)")
    String port;

    @Option(names = "--remote", paramLabel = "ADDR|PREFIX", description = "remote address or prefix, e.g. 203.0.113.0/24")
    String remote;

    @Override
    @Option(names = "--dry-run", description = "show the exact commands and how many match now; change nothing")
    void dryRun(boolean on) {
        dryRun = on;
    }

    @Override
    int run() {
        ConnectionFilter f = ConnectionFilter.of(state, port, remote);
        Actions a = actions();
        ActionIntent intent = ActionIntent.drop(f);
        attempting(a, intent);
        CommandPlan plan = a.drops().planDrop(f);
        print(plan);
        if (dryRun) {
            OptionalLong n = a.drops().countNow(f);
            out().println(n.isPresent() ? "matching now: " + n.getAsLong() : "matching now: unknown (no listing on this OS)");
        }
        return change(a, intent, "Drop " + f.describe() + "?", () -> a.drops().drop(f));
    }
}
