package syntop.collectors.os.bsd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import syntop.collectors.action.Ownership;
import syntop.collectors.action.OwnershipCheck;
import syntop.collectors.action.SynproxyFirewall;
import syntop.collectors.action.SynproxyPlan;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;

/**
 * pf's {@code synproxy state} in the anchor {@value #ANCHOR}, the same on FreeBSD and macOS: one
 * rule a port, {@code pass in quick proto tcp to port P flags S/SA synproxy state label "syntop"},
 * the whole anchor loaded at once with {@code pfctl -a syntop/synproxy -f -} (the rules on
 * standard input; a load replaces the anchor's rules in one step) and emptied with
 * {@code pfctl -a syntop/synproxy -F rules}. pf evaluates an anchor only where the main ruleset
 * calls it: {@code anchor "syntop/*"} does (pf.conf(5), ANCHORS: a name ending in {@code /*}
 * evaluates each anchor attached below it). When {@code pfctl -s rules} shows no such call, syntop
 * says which line to add to pf.conf and where, and does not pretend the proxy works. Built from
 * pfctl(8) ({@code -a} applies to {@code -f}, {@code -F} and {@code -s}; {@code -f -} reads standard
 * input) and pf.conf(5) (synproxy state, flags S/SA, quick, label); no BSD machine checked it.
 */
public final class PfSynproxy implements SynproxyFirewall {
    public static final String ANCHOR = PfTables.ANCHOR + "/synproxy";
    /** The line pf.conf needs, so pf evaluates syntop's anchors. */
    public static final String HOOK = "anchor \"" + PfTables.ANCHOR + "/*\"";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long SMALL = 4L * 1024 * 1024;

    @Override
    public String object() {
        return "pf anchor \"" + ANCHOR + "\"";
    }

    @Override
    public OwnershipCheck ownership() {
        return PfTables.anchorOwnership(ANCHOR);
    }

    /** The rule for one port. */
    public static String rule(int port) {
        return "pass in quick proto tcp to port " + port + " flags S/SA synproxy state label \"" + PfTables.LABEL + "\"";
    }

    /** What the anchor is loaded with: one rule a port. */
    static String rules(SortedSet<Integer> ports) {
        StringBuilder sb = new StringBuilder();
        for (int p : ports) {
            sb.append(rule(p)).append('\n');
        }
        return sb.toString();
    }

    /** Whether the main ruleset ({@code pfctl -s rules}) calls syntop's anchors. */
    public record Hook(boolean hooked, String advice) {
    }

    /**
     * Whether {@code pfctlSr}, the main ruleset as {@code pfctl -s rules} prints it, evaluates
     * {@value #ANCHOR}: a line {@code anchor "syntop/*"} or {@code anchor "syntop/synproxy"}
     * (pfctl prints them with {@code all} or filters after the name). Otherwise the advice names
     * the line to add and where.
     */
    public static Hook hook(String pfctlSr) {
        for (String line : pfctlSr.lines().map(String::strip).toList()) {
            if (line.startsWith(HOOK) || line.startsWith("anchor \"" + ANCHOR + "\"")) {
                return new Hook(true, "");
            }
        }
        boolean apple = pfctlSr.contains("anchor \"com.apple/*\"");
        String where = apple
                ? "right after the line anchor \"com.apple/*\" in /etc/pf.conf"
                : "in /etc/pf.conf, in the filter rules, before the first rule with quick that passes or blocks the port "
                        + "(as the first filter rule, after any scrub, nat and rdr lines, is safe)";
        return new Hook(false, "pf does not evaluate syntop's anchor: the main ruleset has no " + HOOK + " line. Add the line "
                + HOOK + " " + where + ", then reload it with pfctl -f /etc/pf.conf");
    }

    /** True when {@code pfctl -s info}'s first line says pf is enabled. */
    static Optional<Boolean> enabled(String pfctlSi) {
        for (String line : pfctlSi.lines().toList()) {
            String l = line.strip();
            if (l.startsWith("Status: Enabled")) {
                return Optional.of(true);
            }
            if (l.startsWith("Status: Disabled")) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }

    @Override
    public Readiness readiness(CommandRunner runner, SortedSet<Integer> ports, Ownership found) {
        List<String> missing = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        CommandResult info = runner.run(List.of("pfctl", "-s", "info"), TIMEOUT, SMALL);
        Optional<Boolean> on = info.succeeded() ? enabled(info.stdoutText()) : Optional.empty();
        if (on.isEmpty()) {
            warnings.add("cannot tell whether pf is enabled (pfctl -s info: " + firstLine(info) + ")");
        } else if (!on.get()) {
            warnings.add("pf is disabled: the rules load, but nothing is proxied until pf is enabled (pfctl -e)");
        }
        CommandResult main = runner.run(List.of("pfctl", "-s", "rules"), TIMEOUT, SMALL);
        if (!main.succeeded()) {
            missing.add("cannot read pf's main ruleset to see whether it calls syntop's anchor (pfctl -s rules: "
                    + firstLine(main) + ")");
        } else {
            Hook h = hook(main.stdoutText());
            if (!h.hooked()) {
                missing.add(h.advice());
            }
        }
        return new Readiness(missing, warnings, Map.of(), Optional.empty(),
                List.of("pf picks the SYN-ACK's options itself; syntop sets none"));
    }

    @Override
    public List<SynproxyPlan.Step> on(SortedSet<Integer> ports, SortedSet<Integer> already, Readiness ready, Ownership found) {
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>(already);
        all.addAll(ports);
        return List.of(new SynproxyPlan.Step("load syntop's anchor with a synproxy rule for each port (replaces its rules in one step)",
                List.of("pfctl", "-a", ANCHOR, "-f", "-"), rules(all)));
    }

    @Override
    public List<SynproxyPlan.Step> off(SortedSet<Integer> ports, SortedSet<Integer> left) {
        if (left.isEmpty()) {
            return List.of(SynproxyPlan.Step.of("flush the rules of syntop's anchor",
                    List.of("pfctl", "-a", ANCHOR, "-F", "rules")));
        }
        return List.of(new SynproxyPlan.Step("load syntop's anchor with the ports that stay",
                List.of("pfctl", "-a", ANCHOR, "-f", "-"), rules(left)));
    }

    @Override
    public List<List<String>> counterQueries() {
        return List.of(List.of("pfctl", "-a", ANCHOR, "-s", "rules", "-v"));
    }

    @Override
    public List<String> countersOf(List<String> answers) {
        return answers.isEmpty() ? List.of() : answers.get(0).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String firstLine(CommandResult r) {
        String e = r.stderr().isBlank() ? r.detail() : r.stderr();
        return e.strip().lines().findFirst().orElse("exit " + r.exitCode());
    }
}
