package syntop.tui.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.ActionIntent;
import syntop.collectors.action.Actions;
import syntop.collectors.action.BlockedList;
import syntop.collectors.action.IpPrefix;

/** {@code syntop unblock ADDR...}: removes sources syntop blocked. */
@Command(name = "unblock", mixinStandardHelpOptions = true,
        description = "Remove blocked addresses or prefixes from the firewall and from syntop's list.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:unblocked", "1:an address could not be unblocked", "2:bad address",
            "3:refused: nothing blocked, read-only, not root, not confirmed"})
final class UnblockCommand extends SourcesCommand {
    @Parameters(arity = "0..*", paramLabel = "ADDR|PREFIX", description = "as listed by 'syntop blocked'")
    List<String> sources = new ArrayList<>();

    @Option(names = "--all", description = "everything syntop blocked")
    boolean all;

    @Override
    int run() {
        Actions a = actions();
        List<IpPrefix> ps = new ArrayList<>();
        if (all) {
            a.blocks().blocked().stream().map(BlockedList.Entry::source).forEach(ps::add);
        }
        sources.stream().map(IpPrefix::parse).forEach(ps::add);
        if (ps.isEmpty()) {
            throw new ActionRefused(all ? ActionRefused.Reason.NOTHING_TO_DO : ActionRefused.Reason.INVALID,
                    all ? "syntop has blocked nothing" : "which addresses? (see 'syntop blocked', or --all)");
        }
        return changeEach(a, ActionIntent.unblock(ps), ps, a.blocks()::planUnblock, "Unblock " + ps.size() + " source(s)?",
                () -> a.blocks().unblock(ps));
    }
}
