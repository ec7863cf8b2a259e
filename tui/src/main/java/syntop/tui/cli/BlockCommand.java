package syntop.tui.cli;

import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import syntop.collectors.action.ActionIntent;
import syntop.collectors.action.Actions;
import syntop.collectors.action.IpPrefix;

/** {@code syntop block ADDR...}: drops everything from these sources in syntop's firewall table. */
@Command(name = "block", mixinStandardHelpOptions = true,
        description = {"Block source addresses or prefixes: an nftables set on Linux, a pf table on FreeBSD and macOS.",
            "syntop remembers what it blocked: see 'syntop blocked', undo with 'syntop unblock'."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:blocked", "1:an address could not be blocked", "2:bad address, or one syntop never blocks",
            "3:refused: read-only, not root, not confirmed, a table or anchor syntop did not make"})
final class BlockCommand extends SourcesCommand {
    @Parameters(arity = "1..*", paramLabel = "ADDR|PREFIX", description = "e.g. 203.0.113.7 or 203.0.113.0/24")
    List<String> sources;

    @Option(names = "--table", paramLabel = "NAME", description = "nftables table, or pf table in anchor syntop (default: syntop, or block_table in syntop.conf); "
            + "a table syntop did not make is refused")
    String table;

    @Override
    int run() {
        List<IpPrefix> ps = sources.stream().map(IpPrefix::parse).toList();
        Actions a = env().actions(readOnly(), Optional.ofNullable(table));
        return changeEach(a, ActionIntent.block(ps), ps, a.blocks()::planBlock, "Block " + ps.size() + " source(s)?",
                () -> a.blocks().block(ps));
    }
}
