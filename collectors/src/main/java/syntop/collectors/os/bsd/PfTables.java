package syntop.collectors.os.bsd;

import java.util.List;

import syntop.collectors.action.BlockTarget;
import syntop.collectors.action.CommandPlan;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.action.Ownership;
import syntop.collectors.action.OwnershipCheck;
import syntop.collectors.action.SourceBlocker;
import syntop.collectors.source.CommandResult;

/**
 * pf, the same on FreeBSD and macOS. syntop's tables live in its own anchor, {@value #ANCHOR}
 * ({@code pfctl -a syntop -t T -T add}), never in the main ruleset or another anchor, so a
 * {@code --table} name can never reach one of the operator's tables. pf tables carry no comment,
 * so the anchor is what syntop owns: its rules must each carry syntop's label
 * ({@code label "syntop"}), or the anchor must be empty. An anchor holding any other rule is the
 * operator's, and syntop refuses it. syntop does not edit pf.conf: the operator hooks the anchor
 * in once. Adding to a table does not end connections pf already tracks, so a block also kills
 * the address's states ({@code pfctl -k}). Built from pfctl(8) and pf.conf(5): {@code -a}
 * applies to {@code -s} and {@code -T}.
 */
public final class PfTables implements SourceBlocker {
    /** syntop's anchor; later features nest theirs under it ({@code syntop/synproxy}). */
    public static final String ANCHOR = "syntop";
    /** The label every rule in syntop's anchors carries. */
    public static final String LABEL = "syntop";

    PfTables() {
    }

    public static List<String> killStates(IpPrefix p) {
        return List.of("pfctl", "-k", p.toString());
    }

    /** The check that {@code anchor} is empty or holds only rules labelled {@value #LABEL}. */
    public static OwnershipCheck anchorOwnership(String anchor) {
        String object = "pf anchor \"" + anchor + "\"";
        return new OwnershipCheck(object, List.of("pfctl", "-a", anchor, "-s", "rules"), r -> judgeAnchor(object, r));
    }

    static Ownership judgeAnchor(String object, CommandResult r) {
        if (!r.succeeded()) {
            String err = r.stderr().isBlank() ? r.detail() : r.stderr();
            return Ownership.unknown(object, "pfctl -s rules failed: " + err.strip().lines().findFirst().orElse("exit " + r.exitCode())
                    + "; if pf.conf does not hook the anchor in yet, add: " + hook(BlockTarget.DEFAULT));
        }
        List<String> rules = r.stdoutText().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (rules.isEmpty()) {
            return Ownership.absent(object);
        }
        for (String rule : rules) {
            // a nested anchor's own rules are checked when a feature uses it
            if (!rule.startsWith("anchor \"") && !rule.contains("label \"" + LABEL + "\"")) {
                return Ownership.foreign(object, "it holds a rule without label \"" + LABEL + "\": " + cut(rule));
            }
        }
        return Ownership.ours(object, r.stdoutText());
    }

    private static String cut(String rule) {
        return rule.length() > 80 ? rule.substring(0, 80) + "..." : rule;
    }

    /** The pf.conf lines that hook syntop's anchor in and drop what table {@code t} holds. */
    static String hook(BlockTarget t) {
        return "anchor \"" + ANCHOR + "\" { block drop in quick from <" + t.table() + "> label \"" + LABEL + "\" }";
    }

    @Override
    public OwnershipCheck blockOwnership(BlockTarget t) {
        return anchorOwnership(ANCHOR);
    }

    private static List<String> table(BlockTarget t, String command, IpPrefix p) {
        return List.of("pfctl", "-a", ANCHOR, "-t", t.table(), "-T", command, p.toString());
    }

    @Override
    public CommandPlan block(IpPrefix p, BlockTarget t, Ownership found) {
        if (found.status() == Ownership.Status.FOREIGN) {
            throw found.refusal();
        }
        String hook = hook(t);
        List<String> notes = new java.util.ArrayList<>();
        if (found.status() == Ownership.Status.UNKNOWN) {
            notes.add("could not check the anchor now (" + found.detail() + "); before acting syntop checks again and "
                    + "refuses an anchor that holds rules it did not mark");
        }
        notes.add("pf drops these only if pf is enabled (pfctl -e) and pf.conf hooks syntop's anchor in: " + hook);
        notes.add("syntop writes only to tables in the anchor \"" + ANCHOR + "\"; it does not edit pf.conf");
        return new CommandPlan("block " + p + " in the pf table <" + t.table() + "> of anchor " + ANCHOR, List.of(
                CommandPlan.change("add " + p + " to the table", table(t, "add", p)),
                CommandPlan.change("kill pf's states from " + p + ", so tracked connections stop too", killStates(p))),
                notes);
    }

    @Override
    public CommandPlan unblock(IpPrefix p, BlockTarget t) {
        return new CommandPlan("unblock " + p + " from the pf table <" + t.table() + "> of anchor " + ANCHOR, List.of(
                CommandPlan.change("remove " + p + " from the table", table(t, "delete", p))), List.of());
    }

    @Override
    public String describe(BlockTarget t) {
        return "pf table <" + t.table() + "> in anchor " + ANCHOR;
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
