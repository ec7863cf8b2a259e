package syntop.collectors.os.bsd;

import java.util.List;

import syntop.collectors.action.BlockTarget;
import syntop.collectors.action.CommandPlan;
import syntop.collectors.action.IpPrefix;

/**
 * pf, the same on FreeBSD and macOS: addresses go into a table ({@code pfctl -t T -T add}); a
 * rule in pf.conf that syntop does not write must drop what the table holds, and pf must be on.
 * Adding to a table does not end connections pf already tracks, so a block also kills the
 * address's states ({@code pfctl -k}).
 */
public final class PfTables {
    private PfTables() {
    }

    public static List<String> killStates(IpPrefix p) {
        return List.of("pfctl", "-k", p.toString());
    }

    public static CommandPlan block(IpPrefix p, BlockTarget t) {
        return new CommandPlan("block " + p + " in the pf table <" + t.table() + ">", List.of(
                CommandPlan.change("add " + p + " to the table", List.of("pfctl", "-t", t.table(), "-T", "add", p.toString())),
                CommandPlan.change("kill pf's states from " + p + ", so tracked connections stop too", killStates(p))),
                List.of("pf drops these only if pf is enabled (pfctl -e) and pf.conf has: table <" + t.table()
                                + "> persist  and  block drop in quick from <" + t.table() + ">",
                        "syntop does not edit pf.conf"));
    }

    public static CommandPlan unblock(IpPrefix p, BlockTarget t) {
        return new CommandPlan("unblock " + p + " from the pf table <" + t.table() + ">", List.of(
                CommandPlan.change("remove " + p + " from the table",
                        List.of("pfctl", "-t", t.table(), "-T", "delete", p.toString()))), List.of());
    }

    public static String describe(BlockTarget t) {
        return "pf table <" + t.table() + ">";
    }

    /** pfctl prints "killed N states from ..." on standard error. */
    public static long killedStates(String stderr) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("killed (\\d+) states").matcher(stderr);
        long n = 0;
        while (m.find()) {
            n += Long.parseLong(m.group(1));
        }
        return n;
    }
}
