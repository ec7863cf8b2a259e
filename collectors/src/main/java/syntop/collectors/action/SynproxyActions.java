package syntop.collectors.action;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;

/**
 * Ports behind the firewall's SYN proxy, on demand: {@code on} puts ports behind it, {@code off}
 * takes them off (the last one off removes syntop's firewall object and restores the kernel
 * settings syntop changed for it). The firewall object is syntop's own ({@link FirewallOwner});
 * every change goes through the {@link ActionGuard}; what is proxied, since when, and the values
 * to restore live in this namespace's {@link SynproxyState}, so off and undo work after a restart.
 */
public final class SynproxyActions extends ActionRole {
    /** At most this many ports at once. */
    public static final int MAX_PORTS = 64;

    private final Optional<SynproxyFirewall> firewall;
    private final SynproxyState state;
    private final UndoState profiles;

    SynproxyActions(Interventions os, ActionGuard guard) {
        super(os, guard);
        this.firewall = os.synproxy();
        this.state = guard.state().synproxy();
        this.profiles = guard.state().undo();
    }

    /** The firewall's SYN proxy on this OS; refused where syntop knows none. */
    public SynproxyFirewall firewall() {
        return firewall.orElseThrow(() -> new ActionRefused(ActionRefused.Reason.UNSUPPORTED,
                "syntop knows no SYN proxy for " + os.os().token()));
    }

    /** What is proxied now in this namespace, by syntop's state. */
    public SynproxyState.Content current() {
        FileTrust.checkIfExists(state.file(), guard.settings().identity());
        return state.read();
    }

    public SynproxyState stateFile() {
        return state;
    }

    /**
     * The ports asked for ("8080,8443" or several words), checked: each 1 to 65535, at most
     * {@value #MAX_PORTS}, and never the local port of the operator's own SSH session unless
     * {@code force} (a proxy in front of sshd that misbehaves cuts the session syntop runs under).
     */
    public SortedSet<Integer> ports(List<String> words, boolean force) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String w : words) {
            for (String p : w.split(",", -1)) {
                out.add(Inputs.port(p));
            }
            if (out.size() > MAX_PORTS) {
                throw ActionRefused.invalid("more than " + MAX_PORTS + " ports at once; name fewer");
            }
        }
        if (out.isEmpty()) {
            throw ActionRefused.invalid("no port given");
        }
        if (!force) {
            for (OwnSession s : guard.settings().ownSessions()) {
                if (s.localPort().isPresent() && out.contains(s.localPort().getAsInt())) {
                    throw ActionRefused.invalid("port " + s.localPort().getAsInt() + " carries your own SSH session ("
                            + s.describe() + "): if the proxy misbehaves, the session syntop runs under is cut; "
                            + "--force puts it behind the proxy anyway");
                }
            }
        }
        return out;
    }

    /** The plan for {@code on}, read now (no change). */
    public SynproxyPlan planOn(SortedSet<Integer> ports) {
        return planOn(ports, guard.queries(), current());
    }

    private SynproxyPlan planOn(SortedSet<Integer> ports, CommandRunner r, SynproxyState.Content now) {
        SynproxyFirewall fw = firewall();
        Ownership found = FirewallOwner.find(fw.ownership(), r);
        if (!found.mayChange()) {
            throw found.refusal();
        }
        TreeSet<Integer> fresh = new TreeSet<>(ports);
        if (found.status() == Ownership.Status.OURS) {
            // after a reboot or a flush the state remembers ports the firewall no longer proxies: those go on again
            fresh.removeAll(now.ports().keySet());
        }
        SortedSet<Integer> already = found.status() == Ownership.Status.OURS ? new TreeSet<>(now.ports().keySet()) : new TreeSet<>();
        SynproxyFirewall.Readiness ready = fw.readiness(r, ports, found);
        List<String> notes = new ArrayList<>();
        ready.missing().forEach(m -> notes.add("MISSING: " + m));
        ready.warnings().forEach(w -> notes.add("warning: " + w));
        notes.addAll(ready.how());
        notes.add(fw.object() + (found.status() == Ownership.Status.OURS ? " is syntop's" : " does not exist: syntop creates it"));
        notes.add("off, or undo, takes the ports off; the last one off removes " + fw.object()
                + (ready.settings().isEmpty() ? "" : " and restores the settings above"));
        String title = "put port(s) " + join(ports) + " behind the SYN proxy (" + fw.object() + ")";
        if (fresh.isEmpty()) {
            return new SynproxyPlan(title, List.of(), List.of(), List.of("already behind syntop's SYN proxy since "
                    + now.ports().get(ports.first())));
        }
        List<SynproxyPlan.Step> steps = ready.missing().isEmpty() ? fw.on(fresh, already, ready, found) : List.of();
        return new SynproxyPlan(title, List.copyOf(ready.settings().values()), steps, notes);
    }

    /**
     * Puts {@code ports} (checked by {@link #ports}) behind the proxy; {@code before} is SYN_RCVD on
     * each port now, where the caller measured it, kept to show the effect.
     */
    public ActionReport on(SortedSet<Integer> ports, Map<Integer, Long> before) {
        ActionIntent intent = intent("synproxy on", ports);
        firewallOr(intent);
        return guard.run(intent, (run, b) -> {
            SynproxyState.Content now = current();
            SynproxyPlan plan = planOn(ports, run, now);
            List<String> missing = plan.notes().stream().filter(n -> n.startsWith("MISSING: ")).toList();
            if (!missing.isEmpty()) {
                throw new ActionRefused(ActionRefused.Reason.UNSUPPORTED, "the SYN proxy cannot work here: "
                        + String.join("; ", missing.stream().map(m -> m.substring(9)).toList()) + "; nothing was changed");
            }
            if (plan.steps().isEmpty()) {
                b.skipped("port(s) " + join(ports) + " already behind the proxy");
                return ActionGuard.Outcome.of("nothing to change");
            }
            // the values to restore go on record, and into the state, before the first change
            Map<String, String> restore = new LinkedHashMap<>(now.restore());
            for (SynproxyPlan.SettingChange c : plan.settings()) {
                restore.putIfAbsent(c.key(), c.from());
            }
            TreeMap<Integer, Instant> proxied = new TreeMap<>(now.ports());
            Instant at = guard.settings().clock().instant();
            if (!plan.settings().isEmpty()) {
                try {
                    state.write(new SynproxyState.Content(proxied, now.before(), restore));
                } catch (IOException e) {
                    throw new ActionRefused(ActionRefused.Reason.UNSAFE_FILE, "cannot write the SYN proxy state " + state.file()
                            + ": " + e.getMessage() + "; nothing was changed");
                }
                run.note("previous values saved to " + state.file() + " (" + state.namespace() + "): " + restore);
            }
            List<SynproxyPlan.SettingChange> set = new ArrayList<>();
            boolean engaged = true;
            for (SynproxyPlan.SettingChange c : plan.settings()) {
                if (!setKey(run, b, c.key(), c.from(), c.to())) {
                    engaged = false;
                    break;
                }
                set.add(c);
            }
            for (SynproxyPlan.Step s : engaged ? plan.steps() : List.<SynproxyPlan.Step>of()) {
                CommandResult r = runStep(run, s);
                if (!r.succeeded()) {
                    b.failed(s.what() + " failed: " + os.explain(r), s.argv());
                    engaged = false;
                    break;
                }
                b.done(s.what(), s.argv());
            }
            if (!engaged) {
                // put back what this run changed, so a proxy that did not go on leaves no setting changed
                Map<String, String> keep = new LinkedHashMap<>(restore);
                for (SynproxyPlan.SettingChange c : set) {
                    if (setKey(run, b, c.key(), c.to(), c.from()) && !now.restore().containsKey(c.key())) {
                        keep.remove(c.key());
                    }
                }
                return new ActionGuard.Outcome("not engaged; the settings it changed are put back"
                        + (keep.size() > now.restore().size() ? " except " + keep.keySet() + " (syntop synproxy off --all retries)"
                        : ""), report -> state.write(new SynproxyState.Content(proxied, now.before(), keep)));
            }
            ports.forEach(p -> proxied.putIfAbsent(p, at));
            Map<Integer, Long> then = new TreeMap<>(before);
            then.putAll(now.before());
            return new ActionGuard.Outcome("port(s) " + join(ports) + " behind the SYN proxy; off or undo takes them off",
                    report -> state.write(new SynproxyState.Content(proxied, then, restore)));
        });
    }

    /** The plan for {@code off}: {@code ports} empty means all. */
    public SynproxyPlan planOff(SortedSet<Integer> ports) {
        SynproxyState.Content now = current();
        SortedSet<Integer> taken = taken(ports, now);
        TreeSet<Integer> left = new TreeSet<>(now.ports().keySet());
        left.removeAll(taken);
        SynproxyFirewall fw = firewall();
        List<SynproxyPlan.SettingChange> restore = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (left.isEmpty()) {
            now.restore().forEach((k, v) -> restore.add(new SynproxyPlan.SettingChange(k, os.read(k).shown(), v,
                    "the value before syntop's SYN proxy")));
            notes.add("nothing of syntop's proxy stays: " + fw.object() + " goes");
        } else {
            notes.add("port(s) " + join(left) + " stay behind the proxy");
        }
        List<SynproxyPlan.Step> steps = taken.isEmpty() && !left.isEmpty() ? List.of() : fw.off(taken, left);
        return new SynproxyPlan("take port(s) " + (taken.isEmpty() ? "(none on record)" : join(taken)) + " off the SYN proxy",
                restore, steps, notes);
    }

    private static SortedSet<Integer> taken(SortedSet<Integer> asked, SynproxyState.Content now) {
        if (asked.isEmpty()) {
            return new TreeSet<>(now.ports().keySet());
        }
        TreeSet<Integer> t = new TreeSet<>(asked);
        t.retainAll(now.ports().keySet());
        return t;
    }

    /**
     * Takes {@code ports} (empty: all) off the proxy. With none left, syntop's firewall object is
     * removed (checked to be syntop's first) and the settings restored; a setting that cannot be
     * restored stays in the state for another off.
     */
    public ActionReport off(SortedSet<Integer> ports) {
        ActionIntent intent = intent("synproxy off", ports);
        firewallOr(intent);
        SynproxyState.Content asked = current();
        if (asked.isEmpty()) {
            throw guard.refused(intent, new ActionRefused(ActionRefused.Reason.NOTHING_TO_DO, "no port is behind syntop's SYN "
                    + "proxy in network namespace " + state.namespace() + " (" + state.file() + ")"));
        }
        return guard.run(intent, (run, b) -> {
            SynproxyState.Content now = current();
            SortedSet<Integer> taken = taken(ports, now);
            if (!ports.isEmpty() && taken.size() < ports.size()) {
                TreeSet<Integer> unknown = new TreeSet<>(ports);
                unknown.removeAll(now.ports().keySet());
                b.skipped("port(s) " + join(unknown) + " not behind syntop's proxy");
            }
            TreeSet<Integer> left = new TreeSet<>(now.ports().keySet());
            left.removeAll(taken);
            SynproxyFirewall fw = firewall();
            Ownership found = FirewallOwner.find(fw.ownership(), run);
            if (!found.mayChange()) {
                throw found.refusal();
            }
            if (found.status() == Ownership.Status.ABSENT) {
                b.info(fw.object() + " is already gone (flushed or rebooted?)");
            } else if (!taken.isEmpty() || left.isEmpty()) {
                for (SynproxyPlan.Step s : fw.off(taken, left)) {
                    CommandResult r = runStep(run, s);
                    if (!r.succeeded()) {
                        b.failed(s.what() + " failed: " + os.explain(r), s.argv());
                        return ActionGuard.Outcome.of("the proxy is still on; nothing restored");
                    }
                    b.done(s.what(), s.argv());
                }
            }
            Map<String, String> keep = new LinkedHashMap<>();
            if (left.isEmpty()) {
                for (Map.Entry<String, String> e : now.restore().entrySet()) {
                    String wanted;
                    try {
                        wanted = os.check(e.getKey(), e.getValue());
                    } catch (ActionRefused refused) {
                        b.failed(e.getKey() + ": saved value refused: " + refused.getMessage() + "; kept", List.of());
                        keep.put(e.getKey(), e.getValue());
                        continue;
                    }
                    Setting cur = os.read(e.getKey());
                    if (cur.value().isPresent() && cur.value().get().equals(wanted)) {
                        b.skipped(e.getKey() + ": already " + wanted);
                    } else if (!setKey(run, b, e.getKey(), cur.shown(), wanted)) {
                        keep.put(e.getKey(), e.getValue());
                    }
                }
            } else {
                keep.putAll(now.restore());
            }
            TreeMap<Integer, Instant> stay = new TreeMap<>(now.ports());
            taken.forEach(stay::remove);
            String summary = left.isEmpty() ? (keep.isEmpty() ? "the SYN proxy is off; nothing of syntop's stays"
                    : "the proxy is off; " + keep.keySet() + " could not be restored and stay saved")
                    : "port(s) " + join(taken) + " off; " + join(left) + " stay behind the proxy";
            return new ActionGuard.Outcome(summary, report -> state.write(new SynproxyState.Content(stay, now.before(), keep)));
        });
    }

    /**
     * True when undo takes the proxy off (rather than restore a profile): the proxy went on after
     * the newest profile saved in this namespace, or no profile is saved. Newest first, as undo goes.
     */
    public boolean undoesFirst() {
        SynproxyState.Content c = current();
        if (c.isEmpty()) {
            return false;
        }
        FileTrust.checkIfExists(profiles.file(), guard.settings().identity());
        Optional<Instant> profile = profiles.newest().map(UndoState.Section::at);
        Optional<Instant> p = c.newest();
        return profile.isEmpty() || p.isEmpty() || !p.get().isBefore(profile.get());
    }

    /** What the firewall holds of syntop's proxy now (read-only): absent after a reboot or a flush. */
    public Ownership found() {
        return FirewallOwner.find(firewall().ownership(), guard.queries());
    }

    /** The firewall's own counters of the proxy, in words (pf's per-rule counters); empty where it has none to show. */
    public List<String> firewallCounters() {
        List<String> answers = new ArrayList<>();
        for (List<String> q : firewall().counterQueries()) {
            CommandResult r = guard.queries().run(q, ActionGuard.CHANGE_TIMEOUT, ActionGuard.SMALL_OUTPUT);
            answers.add(r.succeeded() ? r.stdoutText() : "");
        }
        return firewall().countersOf(answers);
    }

    private void firewallOr(ActionIntent intent) {
        try {
            firewall();
        } catch (ActionRefused e) {
            throw guard.refused(intent, e);
        }
    }

    private static CommandResult runStep(CommandRunner run, SynproxyPlan.Step s) {
        return s.fed() ? run.run(s.argv(), s.stdin().getBytes(java.nio.charset.StandardCharsets.UTF_8), ActionGuard.CHANGE_TIMEOUT, ActionGuard.SMALL_OUTPUT)
                : run.run(s.argv(), ActionGuard.CHANGE_TIMEOUT, ActionGuard.SMALL_OUTPUT);
    }

    private boolean setKey(CommandRunner run, ActionReport.Builder b, String key, String from, String to) {
        List<String> argv = os.sysctlWrite(key, to);
        CommandResult r = run.run(argv, ActionGuard.CHANGE_TIMEOUT, ActionGuard.SMALL_OUTPUT);
        if (!r.succeeded()) {
            b.failed(key + ": " + from + " -> " + to + " failed: " + os.explain(r), argv);
            return false;
        }
        b.done(key + ": " + from + " -> " + to, argv);
        return true;
    }

    private static ActionIntent intent(String verb, SortedSet<Integer> ports) {
        List<String> p = ports.stream().map(String::valueOf).toList();
        return new ActionIntent(p.isEmpty() ? verb + " --all" : verb + " " + String.join(",", p), p);
    }

    static String join(SortedSet<Integer> ports) {
        return String.join(",", ports.stream().map(String::valueOf).toList());
    }
}
