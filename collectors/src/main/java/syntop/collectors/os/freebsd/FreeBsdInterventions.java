package syntop.collectors.os.freebsd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import syntop.collectors.action.CommandPlan;
import syntop.collectors.action.ConnectionFilter;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.action.ValueRule;
import syntop.collectors.model.OsFamily;
import syntop.collectors.os.bsd.BsdInterventions;
import syntop.collectors.model.TcpState;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;

/**
 * FreeBSD interventions: {@code sysctl key=value}; {@code tcpdrop} to drop connections (by state
 * with {@code -s}, FreeBSD 12 and later, or one {@code tcpdrop LADDR LPORT FADDR FPORT} per
 * connection that {@code tcpdrop -l} lists and the filter selects); pf tables to block sources.
 */
public final class FreeBsdInterventions extends BsdInterventions {
    /** The rules of FreeBSD's own keys; those both BSDs have are {@link BsdInterventions}'. */
    private static final Map<String, ValueRule> RULES = Map.ofEntries(
            Map.entry("net.inet.tcp.syncookies", SWITCH),
            Map.entry("net.inet.tcp.syncookies_only", SWITCH),
            Map.entry("net.inet.tcp.syncache.rexmtlimit", ValueRule.range(0, 16, "retransmits; sanity bound")),
            Map.entry("kern.ipc.somaxconn", QUEUE_LENGTH),
            Map.entry("kern.ipc.soacceptqueue", QUEUE_LENGTH),
            Map.entry("net.inet.tcp.finwait2_timeout", milliseconds(1000, 3_600_000)),
            Map.entry("net.inet.tcp.fast_finwait2_recycle", SWITCH),
            Map.entry("net.inet.tcp.maxtcptw", AN_INT));

    /** How many per-connection tcpdrop runs one drop may make. */
    public static final int MAX_EACH = 5000;

    /** {@code runner} reads settings ({@code sysctl -n}); plans are built without it. FreeBSD's sysctl sets with {@code key=value}. */
    public FreeBsdInterventions(CommandRunner runner) {
        super(OsFamily.FREEBSD, runner, RULES, List.of("sysctl"));
    }

    // ---- dropping ----

    private static List<String> listing(ConnectionFilter f) {
        return f.state().map(s -> List.of("tcpdrop", "-l", "-s", s.name())).orElse(List.of("tcpdrop", "-l", "-a"));
    }

    @Override
    public CommandPlan drop(ConnectionFilter f) {
        List<String> notes = new ArrayList<>();
        if (f.state().isPresent()) {
            notes.add("tcpdrop -s needs FreeBSD 12.0 or later");
        }
        if (f.state().isEmpty() || f.state().get() == TcpState.SYN_RCVD) {
            notes.add("half-open connections in the syncache are not sockets: tcpdrop cannot reach them; they go after "
                    + "net.inet.tcp.syncache.rexmtlimit retransmits (the syn-flood profile lowers it)");
        }
        List<CommandPlan.Step> steps = new ArrayList<>();
        steps.add(CommandPlan.query("list the matching connections", listing(f)));
        if (f.localPort().isEmpty() && f.remote().isEmpty() && f.except().isEmpty()) {
            steps.add(CommandPlan.change("drop every " + f.state().get().name() + " connection",
                    List.of("tcpdrop", "-s", f.state().get().name())));
        } else {
            steps.add(CommandPlan.each("drop each listed connection the filter selects (at most " + MAX_EACH + ")",
                    List.of("tcpdrop", "LADDR", "LPORT", "FADDR", "FPORT")));
        }
        steps.add(CommandPlan.query("list again", listing(f)));
        return new CommandPlan("drop " + f.describe(), steps, notes);
    }

    /** One {@code tcpdrop -l} line: "tcpdrop LADDR LPORT FADDR FPORT", checked strictly. */
    record Listed(String laddr, int lport, String faddr, int fport) {
        List<String> argv() {
            return List.of("tcpdrop", laddr, Integer.toString(lport), faddr, Integer.toString(fport));
        }
    }

    static Optional<Listed> parseLine(String line) {
        String[] f = line.strip().split("\\s+");
        if (f.length != 5 || !f[0].equals("tcpdrop") || !f[2].matches("\\d{1,5}") || !f[4].matches("\\d{1,5}")) {
            return Optional.empty();
        }
        // a scoped link-local address (fe80::1%em0) is left alone: syntop passes only plain addresses
        if (!isHostAddress(f[1]) || !isHostAddress(f[3])) {
            return Optional.empty();
        }
        int lp = Integer.parseInt(f[2]);
        int fp = Integer.parseInt(f[4]);
        if (lp < 1 || lp > 65535 || fp < 1 || fp > 65535) {
            return Optional.empty();
        }
        return Optional.of(new Listed(f[1], lp, f[3], fp));
    }

    private static boolean isHostAddress(String s) {
        return s.indexOf('/') < 0 && IpPrefix.isValid(s) && IpPrefix.parse(s).isHost();
    }

    private static List<Listed> matching(ConnectionFilter f, CommandResult listing) {
        List<Listed> out = new ArrayList<>();
        for (String line : listing.stdoutText().split("\n")) {
            Optional<Listed> l = parseLine(line);
            if (l.isEmpty()) {
                continue;
            }
            Listed c = l.get();
            if (f.localPort().isPresent() && c.lport() != f.localPort().getAsInt()) {
                continue;
            }
            if (f.remote().isPresent() && !f.remote().get().containsAddress(c.faddr())) {
                continue;
            }
            if (f.spares(c.faddr(), c.lport())) {
                continue;
            }
            out.add(c);
        }
        return out;
    }

    @Override
    public long countMatches(ConnectionFilter f, CommandResult listing) {
        return matching(f, listing).size();
    }

    @Override
    public List<List<String>> expand(ConnectionFilter f, CommandResult listing) {
        return matching(f, listing).stream().limit(MAX_EACH).map(Listed::argv).toList();
    }

    @Override
    public String explain(CommandResult failed) {
        if (failed.argv().contains("-s") && failed.stderr().contains("usage")) {
            return "this FreeBSD's tcpdrop has no -s (it came in FreeBSD 12.0): drop by remote address or port instead";
        }
        return super.explain(failed);
    }

    @Override
    public DropOutcome judgeDrop(ConnectionFilter f, long before, List<CommandResult> changes, long after) {
        if (changes.isEmpty()) {
            return new DropOutcome(true, "nothing matched; nothing was dropped");
        }
        long dropped = 0;
        long failed = 0;
        for (CommandResult r : changes) {
            dropped += r.stdoutText().lines().filter(l -> l.strip().endsWith("dropped")).count();
            if (!r.succeeded()) {
                failed++;
            }
        }
        String rest = after == 0 ? "none match now" : after + " match now (new ones may have arrived)";
        String fails = failed == 0 ? "" : "; " + failed + " tcpdrop run(s) failed: " + explain(
                changes.stream().filter(r -> !r.succeeded()).findFirst().orElseThrow());
        return new DropOutcome(failed == 0, "dropped " + dropped + " of " + before + "; " + rest + fails);
    }
}
