package syntop.collectors.os.linux;

import static syntop.collectors.os.linux.NftOwnership.OWNER_MARK;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import syntop.collectors.action.BlockTarget;
import syntop.collectors.action.CommandPlan;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.action.Ownership;
import syntop.collectors.action.OwnershipCheck;
import syntop.collectors.action.SourceBlocker;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.RawOutput;

/**
 * Sources blocked in an nftables table syntop made and marked as its own ({@link NftOwnership}):
 * {@code inet TABLE} with an IPv4 set {@code SET}, an IPv6 set {@code SET6} (both with intervals,
 * so prefixes work), and an input chain that drops packets from either. A table of that name
 * without the mark is refused; syntop's own table only ever gets what it lacks added, so no chain
 * is flushed and no policy changed.
 */
final class NftBlockTable implements SourceBlocker {
    @Override
    public OwnershipCheck blockOwnership(BlockTarget t) {
        return NftOwnership.tableOwnership(t.table());
    }

    private static String set(IpPrefix p, BlockTarget t) {
        return p.isIpv6() ? t.set() + "6" : t.set();
    }

    private static List<String> setSpec(String family) {
        return List.of("{", "type", family, ";", "flags", "interval", ";", "}");
    }

    private static List<String> chainSpec() {
        return List.of("{", "type", "filter", "hook", "input", "priority", "filter", ";", "policy", "accept", ";", "}");
    }

    private static List<String> dropRule(String table, String family, String set) {
        return List.of("add", "rule", "inet", table, "input", family, "saddr", "@" + set, "drop");
    }

    /**
     * One atomic nft transaction that creates syntop's table, marked with {@link NftOwnership#OWNER_MARK}, with
     * both sets, an input chain of its own and the two drop rules. {@code create} (not {@code add})
     * fails when a table of that name appeared since the check, so nothing of another's is changed.
     */
    static List<String> createTable(BlockTarget t) {
        String table = t.table();
        List<String> a = new ArrayList<>(List.of("nft", "create", "table", "inet", table, "{", "comment", "\"" + OWNER_MARK + "\"",
                ";", "}", ";"));
        a.addAll(List.of("add", "set", "inet", table, t.set()));
        a.addAll(setSpec("ipv4_addr"));
        a.add(";");
        a.addAll(List.of("add", "set", "inet", table, t.set() + "6"));
        a.addAll(setSpec("ipv6_addr"));
        a.add(";");
        a.addAll(List.of("add", "chain", "inet", table, "input"));
        a.addAll(chainSpec());
        a.add(";");
        a.addAll(dropRule(table, "ip", t.set()));
        a.add(";");
        a.addAll(dropRule(table, "ip6", t.set() + "6"));
        return a;
    }

    /**
     * What syntop's own table lacks for this target (a set, its chain, a drop rule), added in one
     * nft transaction; empty when it has everything. Nothing there is flushed or redefined.
     */
    static Optional<List<String>> completeTable(BlockTarget t, NftTableListing have) {
        String table = t.table();
        List<String> a = new ArrayList<>();
        for (String[] set : new String[][] {{t.set(), "ipv4_addr"}, {t.set() + "6", "ipv6_addr"}}) {
            if (!have.sets().contains(set[0])) {
                a.addAll(List.of("add", "set", "inet", table, set[0]));
                a.addAll(setSpec(set[1]));
                a.add(";");
            }
        }
        List<String> input = have.chains().get("input");
        if (input == null) {
            a.addAll(List.of("add", "chain", "inet", table, "input"));
            a.addAll(chainSpec());
            a.add(";");
        }
        for (String[] rule : new String[][] {{"ip", t.set()}, {"ip6", t.set() + "6"}}) {
            if (input == null || !input.contains(rule[0] + " saddr @" + rule[1] + " drop")) {
                a.addAll(dropRule(table, rule[0], rule[1]));
                a.add(";");
            }
        }
        if (a.isEmpty()) {
            return Optional.empty();
        }
        a.remove(a.size() - 1);
        a.add(0, "nft");
        return Optional.of(a);
    }

    @Override
    public CommandPlan block(IpPrefix p, BlockTarget t, Ownership found) {
        List<CommandPlan.Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        switch (found.status()) {
            case ABSENT:
                steps.add(CommandPlan.change("create syntop's table, marked '" + OWNER_MARK + "', with its sets and drop rules "
                        + "(one atomic nft run)", createTable(t)));
                notes.add("inet " + t.table() + " does not exist: syntop creates it and marks it as its own");
                break;
            case OURS: {
                NftTableListing have = NftTableListing.parse(found.listing()).orElseThrow();
                completeTable(t, have).ifPresent(argv -> steps.add(CommandPlan.change(
                        "add what syntop's table lacks (nothing in it is flushed or replaced)", argv)));
                notes.add("inet " + t.table() + " is syntop's (marked '" + OWNER_MARK + "')");
                break;
            }
            case UNKNOWN:
                steps.add(CommandPlan.change("create syntop's table, marked '" + OWNER_MARK + "' (if it is absent)",
                        createTable(t)));
                notes.add("could not check inet " + t.table() + " now (" + found.detail() + "); before acting syntop checks "
                        + "again and refuses a table that is not its own");
                break;
            default:
                throw found.refusal();
        }
        steps.add(CommandPlan.change("add " + p + " to the set",
                List.of("nft", "add", "element", "inet", t.table(), set(p, t), "{", p.toString(), "}")));
        notes.add("syntop changes only tables it made; it never flushes a chain or changes a chain's policy");
        notes.add("nftables rules do not survive a reboot unless saved; syntop's list remembers what it blocked");
        return new CommandPlan("block " + p + " in the nftables set inet " + t.table() + " " + set(p, t), steps, notes);
    }

    @Override
    public CommandPlan unblock(IpPrefix p, BlockTarget t) {
        return new CommandPlan("unblock " + p + " from the nftables set inet " + t.table() + " " + set(p, t), List.of(
                CommandPlan.change("remove " + p + " from the set",
                        List.of("nft", "delete", "element", "inet", t.table(), set(p, t), "{", p.toString(), "}"))),
                List.of());
    }

    @Override
    public boolean notBlocked(CommandResult failed) {
        String e = failed.stderr();
        return failed.outcome() == RawOutput.Outcome.COMPLETED
                && (e.contains("element does not exist") || e.contains("No such file or directory"));
    }

    @Override
    public String describe(BlockTarget t) {
        return "nftables sets inet " + t.table() + " " + t.set() + "/" + t.set() + "6";
    }
}
