package syntop.collectors.action;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import syntop.collectors.model.OsFamily;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;

/**
 * Runs interventions safely, the same way for the console and the command line, whatever the OS:
 * <ol>
 * <li>everything the operator gave is validated (keys, values for this OS, addresses, ports,
 * states, names, file permissions) before anything runs;</li>
 * <li>read-only mode, missing root and an unwritable audit log refuse the action before it runs
 * anything, so nothing is half-applied;</li>
 * <li>previous sysctl values are written to the undo state first, then keys are set one by one,
 * each read back and reported;</li>
 * <li>every command that runs is an argv from the OS's {@link Interventions} and goes into the
 * audit log with its exit status and first lines of output.</li>
 * </ol>
 * Plans and diffs need no root and change nothing.
 */
public final class Actions {
    private static final Duration SYSCTL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EACH_TIMEOUT = Duration.ofSeconds(5);
    private static final long SMALL_OUTPUT = 1024 * 1024;
    /** Shortest IPv4 prefix syntop blocks (a /7 is 2% of the Internet). */
    public static final int MIN_IPV4_BITS = 8;
    public static final int MIN_IPV6_BITS = 16;

    /**
     * How actions run here.
     *
     * @param readOnly     {@code --read-only}: every action is refused
     * @param identity     who runs syntop
     * @param stateDir     where the undo state and the blocked list live
     * @param auditLog     the audit log file
     * @param profileDirs  profile directories, the first wins a name clash
     * @param blockTarget  the table (and set) blocked addresses go into
     * @param ownSessions  the SSH session(s) syntop runs under: their peers are never blocked, and a drop spares them
     * @param clock        time for the audit log and the state
     */
    public record Settings(boolean readOnly, Identity identity, Path stateDir, Path auditLog, List<Path> profileDirs,
                           BlockTarget blockTarget, List<OwnSession> ownSessions, Clock clock) {
        public Settings {
            Objects.requireNonNull(identity);
            Objects.requireNonNull(stateDir);
            Objects.requireNonNull(auditLog);
            profileDirs = List.copyOf(profileDirs);
            Objects.requireNonNull(blockTarget);
            ownSessions = List.copyOf(ownSessions);
            Objects.requireNonNull(clock);
        }

        /** Addresses never blocked: the peers of the own sessions. */
        public List<IpPrefix> protectedSources() {
            return ownSessions.stream().map(OwnSession::peer).distinct().toList();
        }

        public Settings readOnly(boolean ro) {
            return new Settings(ro, identity, stateDir, auditLog, profileDirs, blockTarget, ownSessions, clock);
        }

        public Settings blockTarget(BlockTarget t) {
            return new Settings(readOnly, identity, stateDir, auditLog, profileDirs, t, ownSessions, clock);
        }
    }

    private final Interventions os;
    private final CommandRunner runner;
    private final Settings settings;
    private final AuditLog audit;
    private final UndoState undo;
    private final BlockedList blocked;
    private final ProfileCatalog catalog;

    public Actions(Interventions os, CommandRunner runner, Settings settings) {
        this.os = os;
        this.runner = runner;
        this.settings = settings;
        this.audit = new AuditLog(settings.auditLog(), settings.identity(), settings.clock());
        this.undo = new UndoState(settings.stateDir().resolve("undo.state"));
        this.blocked = new BlockedList(settings.stateDir().resolve("blocked.list"));
        this.catalog = new ProfileCatalog(os, settings.profileDirs(), settings.identity());
    }

    public OsFamily os() {
        return os.os();
    }

    public Interventions interventions() {
        return os;
    }

    public Settings settings() {
        return settings;
    }

    public boolean readOnly() {
        return settings.readOnly();
    }

    public ProfileCatalog profiles() {
        return catalog;
    }

    public AuditLog audit() {
        return audit;
    }

    /**
     * Refuses, before anything runs, when syntop may not change the system: read-only mode, not
     * root, or an audit log it cannot write. The refusal goes into the audit log when it can.
     */
    public void checkCanChange(String action) {
        ActionRefused no = null;
        if (settings.readOnly()) {
            no = new ActionRefused(ActionRefused.Reason.READ_ONLY, "read-only: syntop runs with --read-only; " + action
                    + " is off");
        } else if (!settings.identity().isRoot()) {
            no = new ActionRefused(ActionRefused.Reason.NEEDS_ROOT, action + " needs root (run syntop with sudo); "
                    + "nothing was changed");
        }
        if (no != null) {
            try {
                audit.refused(action, no.getMessage());
            } catch (RuntimeException ignored) {
                // refusing needs no record to be safe; the action did not run
            }
            throw no;
        }
        audit.ensureWritable();
    }

    // ---- profiles ----

    /** The profile against the kernel now: reads each key, checks each value for this OS. */
    public ProfileDiff diff(Profile p) {
        List<ProfileDiff.Row> rows = new ArrayList<>();
        for (Profile.Entry e : p.entries()) {
            rows.add(row(e.key(), e.value(), e.note()));
        }
        return new ProfileDiff("profile " + p.name() + " (" + p.origin() + ")", rows);
    }

    private ProfileDiff.Row row(String key, String wanted, List<String> note) {
        String value;
        try {
            value = os.check(key, wanted);
        } catch (ActionRefused e) {
            return new ProfileDiff.Row(key, Setting.unreadable(key, "not read"), wanted, ProfileDiff.Change.INVALID,
                    e.getMessage(), note);
        }
        Setting cur = os.read(key);
        ProfileDiff.Change c;
        switch (cur.status()) {
            case NOT_ON_OS: c = ProfileDiff.Change.NOT_ON_OS; break;
            case UNREADABLE: c = ProfileDiff.Change.UNREADABLE; break;
            default: c = cur.value().orElse("").equals(value) ? ProfileDiff.Change.SAME : ProfileDiff.Change.CHANGE;
        }
        return new ProfileDiff.Row(key, cur, value, c, "", note);
    }

    /**
     * Applies a profile key by key. Refused as a whole when any value is refused; the previous
     * values of the keys that will change are written to the undo state before the first change.
     */
    public ActionReport apply(Profile p) {
        String action = "apply " + p.name();
        ProfileDiff d = diff(p);
        if (d.anyInvalid()) {
            List<String> problems = d.rows().stream().filter(r -> r.change() == ProfileDiff.Change.INVALID)
                    .map(ProfileDiff.Row::problem).toList();
            throw ActionRefused.invalid("profile " + p.name() + " refused, nothing applied: " + String.join("; ", problems));
        }
        checkCanChange(action);
        trustState(undo.file());
        ActionReport.Builder b = new ActionReport.Builder(action);
        Map<String, String> previous = new LinkedHashMap<>();
        for (ProfileDiff.Row r : d.rows()) {
            if (r.change() == ProfileDiff.Change.CHANGE) {
                previous.put(r.key(), r.current().value().orElseThrow());
            }
        }
        if (previous.isEmpty()) {
            d.rows().forEach(r -> b.skipped(r.key() + ": " + (r.change() == ProfileDiff.Change.SAME
                    ? "already " + r.wanted() : r.current().shown())));
            return b.build("nothing to change: " + d.summary());
        }
        Instant at = settings.clock().instant();
        try {
            undo.push(new UndoState.Section(p.name(), at, previous));
        } catch (IOException e) {
            audit.refused(action, "cannot write the undo state: " + e.getMessage());
            throw new ActionRefused(ActionRefused.Reason.UNSAFE_FILE, "cannot write the undo state " + undo.file() + ": "
                    + e.getMessage() + "; nothing applied");
        }
        audit.note(action, "previous values saved to " + undo.file() + ": " + previous);
        Map<String, String> applied = new LinkedHashMap<>();
        for (ProfileDiff.Row r : d.rows()) {
            switch (r.change()) {
                case CHANGE:
                    if (setKey(action, b, r.key(), r.current().value().orElse("?"), r.wanted())) {
                        applied.put(r.key(), previous.get(r.key()));
                    }
                    break;
                case SAME:
                    b.skipped(r.key() + ": already " + r.wanted());
                    break;
                case NOT_ON_OS:
                    b.skipped(r.key() + ": not on this OS");
                    break;
                default:
                    b.skipped(r.key() + ": cannot read its value, so it could not be undone; left alone ("
                            + r.current().detail() + ")");
            }
        }
        try {
            undo.replaceNewest(Optional.of(new UndoState.Section(p.name(), at, applied)));
        } catch (IOException e) {
            b.failed("could not trim the undo state (it still holds every previous value): " + e.getMessage(), List.of());
        }
        String summary = applied.size() + " of " + previous.size() + " changed"
                + (applied.isEmpty() ? "" : "; undo restores them");
        return b.build(summary);
    }

    /** Sets one key, reads it back, reports; true when it now has the value. */
    private boolean setKey(String action, ActionReport.Builder b, String key, String from, String to) {
        List<String> argv = os.sysctlWrite(key, to);
        CommandResult r = run(action, argv, SYSCTL_TIMEOUT, SMALL_OUTPUT);
        if (!r.succeeded()) {
            b.failed(key + ": " + from + " -> " + to + " failed: " + os.explain(r), argv);
            return false;
        }
        Setting now = os.read(key);
        if (now.value().isPresent() && !now.value().get().equals(to)) {
            b.failed(key + ": set, but it reads " + now.value().get() + " (the kernel adjusted it)", argv);
            return !now.value().get().equals(from);
        }
        b.done(key + ": " + from + " -> " + to, argv);
        return true;
    }

    /** What undo would do: each saved key, its value now, and the value undo restores. */
    public Optional<ProfileDiff> undoDiff() {
        trustState(undo.file());
        Optional<UndoState.Section> s = undo.newest();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        List<ProfileDiff.Row> rows = new ArrayList<>();
        s.get().previous().forEach((k, v) -> rows.add(row(k, v, List.of())));
        return Optional.of(new ProfileDiff("undo " + s.get().profile() + " (applied " + s.get().at() + ")", rows));
    }

    /** Restores the newest saved section and removes it; keys that fail stay saved for another try. */
    public ActionReport undo() {
        checkCanChange("undo");
        trustState(undo.file());
        UndoState.Section s = undo.newest().orElseThrow(() -> new ActionRefused(ActionRefused.Reason.NOTHING_TO_DO,
                "nothing to undo: no saved values in " + undo.file()));
        String action = "undo " + s.profile();
        ActionReport.Builder b = new ActionReport.Builder(action);
        Map<String, String> left = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : s.previous().entrySet()) {
            ProfileDiff.Row r = row(e.getKey(), e.getValue(), List.of());
            switch (r.change()) {
                case SAME:
                    b.skipped(r.key() + ": already " + r.wanted());
                    break;
                case CHANGE:
                    if (!setKey(action, b, r.key(), r.current().value().orElse("?"), r.wanted())) {
                        left.put(r.key(), e.getValue());
                    }
                    break;
                case INVALID:
                    b.failed(r.key() + ": saved value refused: " + r.problem(), List.of());
                    break;
                default:
                    b.failed(r.key() + ": " + r.current().shown() + "; kept in the undo state", List.of());
                    left.put(r.key(), e.getValue());
            }
        }
        try {
            undo.replaceNewest(left.isEmpty() ? Optional.empty() : Optional.of(new UndoState.Section(s.profile(), s.at(), left)));
        } catch (IOException ex) {
            b.failed("could not update the undo state " + undo.file() + ": " + ex.getMessage(), List.of());
        }
        audit.note(action, left.isEmpty() ? "undo state section removed" : "kept for another undo: " + left.keySet());
        return b.build(left.isEmpty() ? "restored " + s.profile() + "'s previous values"
                : left.size() + " key(s) could not be restored and stay saved");
    }

    // ---- dropping ----

    /** The commands a drop would run (refused when the OS has no tool for the filter). */
    public CommandPlan planDrop(ConnectionFilter f) {
        return os.drop(DropGuard.check(f, settings.ownSessions()));
    }

    /** Runs only the plan's first read-only query and counts the matches now; empty when the OS has none. */
    public OptionalLong countNow(ConnectionFilter asked) {
        ConnectionFilter f = DropGuard.check(asked, settings.ownSessions());
        CommandPlan plan = os.drop(f);
        if (plan.steps().isEmpty() || plan.steps().get(0).kind() != CommandPlan.Kind.QUERY) {
            return OptionalLong.empty();
        }
        CommandResult r = runner.run(plan.steps().get(0).argv(), QUERY_TIMEOUT, CommandRunner.DEFAULT_MAX_OUTPUT);
        return r.succeeded() ? OptionalLong.of(os.countMatches(f, r)) : OptionalLong.empty();
    }

    public ActionReport drop(ConnectionFilter asked) {
        ConnectionFilter f = DropGuard.check(asked, settings.ownSessions());
        CommandPlan plan = os.drop(f);
        String action = "drop " + f.describe();
        checkCanChange(action);
        ActionReport.Builder b = new ActionReport.Builder(action);
        long before = -1;
        long after = -1;
        CommandResult listing = null;
        List<CommandResult> changes = new ArrayList<>();
        boolean firstQuery = true;
        for (CommandPlan.Step step : plan.steps()) {
            switch (step.kind()) {
                case QUERY: {
                    if (!firstQuery && before == 0) {
                        break;
                    }
                    CommandResult r = run(action, step.argv(), QUERY_TIMEOUT, CommandRunner.DEFAULT_MAX_OUTPUT);
                    if (!r.succeeded()) {
                        b.failed(step.what() + " failed: " + os.explain(r), step.argv());
                        return b.build(firstQuery ? "nothing was dropped" : "the drop ran; the count after it failed");
                    }
                    long n = os.countMatches(f, r);
                    if (firstQuery) {
                        before = n;
                        listing = r;
                        b.done(n + " match", step.argv());
                    } else {
                        after = n;
                        b.done(n + " match after the drop", step.argv());
                    }
                    firstQuery = false;
                    break;
                }
                case CHANGE: {
                    if (before == 0) {
                        b.skipped(step.shown() + " (nothing matched)");
                        break;
                    }
                    CommandResult r = run(action, step.argv(), CHANGE_TIMEOUT, CommandRunner.DEFAULT_MAX_OUTPUT);
                    changes.add(r);
                    if (r.succeeded()) {
                        b.done(step.what(), step.argv());
                    } else {
                        b.failed(step.what() + ": " + os.explain(r), step.argv());
                    }
                    firstQuery = false;
                    break;
                }
                default: {
                    if (before == 0 || listing == null) {
                        b.skipped(step.what() + " (nothing matched)");
                        break;
                    }
                    List<List<String>> argvs = os.expand(f, listing);
                    if (argvs.size() < before) {
                        b.info("only the first " + argvs.size() + " of " + before + " are dropped in one go; run it again");
                    }
                    int failed = 0;
                    for (List<String> argv : argvs) {
                        CommandResult r = run(action, argv, EACH_TIMEOUT, SMALL_OUTPUT);
                        changes.add(r);
                        if (!r.succeeded()) {
                            failed++;
                        }
                    }
                    if (failed == 0) {
                        b.done(argvs.size() + " x " + Argv.shown(step.argv()), step.argv());
                    } else {
                        b.failed(failed + " of " + argvs.size() + " x " + Argv.shown(step.argv()) + " failed", step.argv());
                    }
                    firstQuery = false;
                }
            }
        }
        Interventions.DropOutcome o = os.judgeDrop(f, Math.max(0, before), changes, Math.max(0, after));
        if (o.ok()) {
            b.info(o.message());
        } else {
            b.failed(o.message(), List.of());
        }
        return b.build(o.message());
    }

    // ---- blocking ----

    /** Refuses sources syntop never blocks: loopback, unspecified, very wide prefixes, the operator's own address. */
    public IpPrefix checkBlockable(IpPrefix p) {
        if (p.touchesLoopbackOrUnspecified()) {
            throw ActionRefused.invalid("syntop does not block " + p + ": it is or holds a loopback or unspecified address");
        }
        checkWidth(p, "syntop does not block " + p);
        for (IpPrefix mine : settings.protectedSources()) {
            if (p.contains(mine)) {
                throw ActionRefused.invalid("syntop does not block " + p + ": your own session comes from " + mine);
            }
        }
        return p;
    }

    /** Refuses a prefix wider than syntop acts on, {@code refusal} saying what it will not do. */
    static void checkWidth(IpPrefix p, String refusal) {
        int min = p.isIpv6() ? MIN_IPV6_BITS : MIN_IPV4_BITS;
        if (p.bits() < min) {
            throw ActionRefused.invalid(refusal + ": wider than /" + min + "; name narrower prefixes");
        }
    }

    public CommandPlan planBlock(IpPrefix p) {
        return os.block(checkBlockable(p), settings.blockTarget());
    }

    public CommandPlan planUnblock(IpPrefix p) {
        return os.unblock(p, targetOf(p));
    }

    private BlockTarget targetOf(IpPrefix p) {
        return blocked.read().stream().filter(e -> e.source().equals(p)).map(BlockedList.Entry::target).findFirst()
                .orElse(settings.blockTarget());
    }

    /** Blocks each source; stops at nothing: each address is reported on its own line. */
    public ActionReport block(List<IpPrefix> sourcesAsked) {
        List<IpPrefix> sources = sourcesAsked.stream().distinct().toList();
        if (sources.isEmpty()) {
            throw new ActionRefused(ActionRefused.Reason.NOTHING_TO_DO, "no address to block");
        }
        List<CommandPlan> plans = new ArrayList<>();
        for (IpPrefix p : sources) {
            plans.add(planBlock(p));
        }
        String action = "block " + String.join(" ", sources.stream().map(IpPrefix::toString).toList());
        checkCanChange(action);
        trustState(blocked.file());
        ActionReport.Builder b = new ActionReport.Builder(action);
        Set<List<String>> ranOk = new HashSet<>();
        int done = 0;
        for (int i = 0; i < sources.size(); i++) {
            IpPrefix p = sources.get(i);
            if (runSteps(action, plans.get(i), b, ranOk)) {
                try {
                    blocked.add(new BlockedList.Entry(p, settings.blockTarget(), settings.clock().instant()));
                    b.done(p + " blocked in the " + os.describe(settings.blockTarget()), List.of());
                    done++;
                } catch (IOException e) {
                    b.failed(p + " blocked, but syntop's list " + blocked.file() + " could not be written: " + e.getMessage(),
                            List.of());
                }
            }
        }
        return b.build(done + " of " + sources.size() + " blocked");
    }

    /** Removes each source from the firewall and from syntop's list. */
    public ActionReport unblock(List<IpPrefix> sourcesAsked) {
        List<IpPrefix> sources = sourcesAsked.stream().distinct().toList();
        if (sources.isEmpty()) {
            throw new ActionRefused(ActionRefused.Reason.NOTHING_TO_DO, "no address to unblock");
        }
        String action = "unblock " + String.join(" ", sources.stream().map(IpPrefix::toString).toList());
        checkCanChange(action);
        trustState(blocked.file());
        ActionReport.Builder b = new ActionReport.Builder(action);
        int done = 0;
        for (IpPrefix p : sources) {
            BlockTarget t = targetOf(p);
            CommandPlan plan = os.unblock(p, t);
            boolean ok = true;
            for (CommandPlan.Step s : plan.steps()) {
                CommandResult r = run(action, s.argv(), CHANGE_TIMEOUT, SMALL_OUTPUT);
                if (r.succeeded()) {
                    continue;
                }
                if (os.notBlocked(r)) {
                    b.info(p + " was not in the " + os.describe(t) + " (flushed or rebooted?)");
                    continue;
                }
                b.failed(p + ": " + s.what() + " failed: " + os.explain(r), s.argv());
                ok = false;
                break;
            }
            if (ok) {
                try {
                    blocked.remove(p, t);
                    b.done(p + " unblocked", plan.steps().get(0).argv());
                    done++;
                } catch (IOException e) {
                    b.failed(p + " unblocked, but syntop's list could not be written: " + e.getMessage(), List.of());
                }
            }
        }
        return b.build(done + " of " + sources.size() + " unblocked");
    }

    /** What syntop blocked (its own list). */
    public List<BlockedList.Entry> blocked() {
        trustState(blocked.file());
        return blocked.read();
    }

    private boolean runSteps(String action, CommandPlan plan, ActionReport.Builder b, Set<List<String>> ranOk) {
        for (CommandPlan.Step s : plan.steps()) {
            if (ranOk.contains(s.argv())) {
                continue;
            }
            CommandResult r = run(action, s.argv(), CHANGE_TIMEOUT, SMALL_OUTPUT);
            if (!r.succeeded()) {
                b.failed(s.what() + " failed: " + os.explain(r), s.argv());
                return false;
            }
            ranOk.add(s.argv()); // the same command twice in one action (the table setup) runs once
        }
        return true;
    }

    // ----

    private CommandResult run(String action, List<String> argv, Duration timeout, long maxOutput) {
        CommandResult r = runner.run(argv, timeout, maxOutput);
        audit.command(action, r);
        return r;
    }

    private void trustState(Path file) {
        if (Files.exists(file)) {
            FileTrust.check(file, settings.identity());
        }
    }
}
