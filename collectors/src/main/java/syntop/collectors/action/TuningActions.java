package syntop.collectors.action;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * sysctl profiles: the diff against the kernel now, apply (previous values saved to the undo state
 * of this namespace before the first change, keys set one by one and read back) and undo. Every
 * change goes through the {@link ActionGuard}.
 */
public final class TuningActions extends ActionRole {
    private static final Duration SYSCTL_TIMEOUT = Duration.ofSeconds(5);

    private final NamespaceState state;
    private final ProfileCatalog catalog;
    private final Identity identity;
    private final java.time.Clock clock;

    TuningActions(Interventions os, ActionGuard guard, ProfileCatalog catalog) {
        super(os, guard);
        this.state = guard.state();
        this.catalog = catalog;
        this.identity = guard.settings().identity();
        this.clock = guard.settings().clock();
    }

    public ProfileCatalog profiles() {
        return catalog;
    }

    /** The profile {@link ProfileCatalog#load} finds; a refusal to read it is recorded as a refused apply. */
    public Profile loadForApply(String nameOrPath) {
        try {
            return catalog.load(nameOrPath);
        } catch (ActionRefused e) {
            throw guard.refused(ActionIntent.apply(nameOrPath == null ? "" : nameOrPath.strip()), e);
        }
    }

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
     * values of the keys that will change are written to the undo state before the first change,
     * and trimmed to the keys that changed once the outcome is recorded.
     */
    public ActionReport apply(Profile p) {
        ActionIntent intent = ActionIntent.apply(p);
        ProfileDiff first = diff(p);
        if (first.anyInvalid()) {
            List<String> problems = first.rows().stream().filter(r -> r.change() == ProfileDiff.Change.INVALID)
                    .map(ProfileDiff.Row::problem).toList();
            throw guard.refused(intent, ActionRefused.invalid("profile " + p.name() + " refused, nothing applied: "
                    + String.join("; ", problems)));
        }
        return guard.run(intent, (run, b) -> {
            trust(state.undo().file());
            ProfileDiff d = diff(p); // under the lock: what the kernel holds now
            Map<String, String> previous = new LinkedHashMap<>();
            for (ProfileDiff.Row r : d.rows()) {
                if (r.change() == ProfileDiff.Change.CHANGE) {
                    previous.put(r.key(), r.current().value().orElseThrow());
                }
            }
            if (previous.isEmpty()) {
                d.rows().forEach(r -> b.skipped(r.key() + ": " + (r.change() == ProfileDiff.Change.SAME
                        ? "already " + r.wanted() : r.current().shown())));
                return ActionGuard.Outcome.of("nothing to change: " + d.summary());
            }
            Instant at = clock.instant();
            try {
                state.undo().push(new UndoState.Section(p.name(), at, previous));
            } catch (IOException e) {
                throw new ActionRefused(ActionRefused.Reason.UNSAFE_FILE, "cannot write the undo state " + state.undo().file()
                        + ": " + e.getMessage() + "; nothing applied");
            }
            run.note("previous values saved to " + state.undo().file() + " (" + state.namespace() + "): " + previous);
            Map<String, String> applied = new LinkedHashMap<>();
            for (ProfileDiff.Row r : d.rows()) {
                switch (r.change()) {
                    case CHANGE:
                        if (setKey(run, b, r.key(), r.current().value().orElse("?"), r.wanted())) {
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
            String summary = applied.size() + " of " + previous.size() + " changed"
                    + (applied.isEmpty() ? "" : "; undo restores them");
            return new ActionGuard.Outcome(summary, report -> state.undo().replaceNewest(
                    Optional.of(new UndoState.Section(p.name(), at, applied))));
        });
    }

    /** Sets one key, reads it back, reports; true when it now has the value. */
    private boolean setKey(ActionGuard.AuditedRun run, ActionReport.Builder b, String key, String from, String to) {
        List<String> argv = os.sysctlWrite(key, to);
        var r = run.run(argv, SYSCTL_TIMEOUT, ActionGuard.SMALL_OUTPUT);
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

    /** Why there is nothing to undo here: which namespace, which file, and any older state left aside. */
    public String nothingToUndo() {
        return "nothing to undo in network namespace " + state.namespace() + ": no profile applied by syntop is on record in "
                + state.undo().file() + state.olderState("undo.state");
    }

    /** What undo would do: each saved key, its value now, and the value undo restores. */
    public Optional<ProfileDiff> undoDiff() {
        trust(state.undo().file());
        Optional<UndoState.Section> s = state.undo().newest();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        List<ProfileDiff.Row> rows = new ArrayList<>();
        s.get().previous().forEach((k, v) -> rows.add(row(k, v, List.of())));
        return Optional.of(new ProfileDiff("undo " + s.get().profile() + " (applied " + s.get().at() + ", network namespace "
                + state.namespace() + ")", rows));
    }

    /**
     * Restores the newest saved section of this namespace. Keys that fail, and saved values that
     * are refused, stay saved; the section shrinks only once the outcome is recorded.
     */
    public ActionReport undo() {
        guard.checkAllowed(ActionIntent.undo(List.of()));
        trust(state.undo().file());
        UndoState.Section asked = state.undo().newest().orElseThrow(() -> guard.refused(ActionIntent.undo(List.of()),
                new ActionRefused(ActionRefused.Reason.NOTHING_TO_DO, nothingToUndo())));
        ActionIntent intent = new ActionIntent("undo " + asked.profile(),
                asked.previous().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        return guard.run(intent, (run, b) -> {
            UndoState.Section s = state.undo().newest().orElse(null);
            if (!asked.equals(s)) {
                throw new ActionRefused(ActionRefused.Reason.NOTHING_TO_DO, "the undo state changed meanwhile (another syntop?); "
                        + "look again; nothing was changed");
            }
            Map<String, String> left = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : s.previous().entrySet()) {
                ProfileDiff.Row r = row(e.getKey(), e.getValue(), List.of());
                switch (r.change()) {
                    case SAME:
                        b.skipped(r.key() + ": already " + r.wanted());
                        break;
                    case CHANGE:
                        if (!setKey(run, b, r.key(), r.current().value().orElse("?"), r.wanted())) {
                            left.put(r.key(), e.getValue());
                        }
                        break;
                    case INVALID:
                        b.failed(r.key() + ": saved value refused: " + r.problem() + "; kept in the undo state", List.of());
                        left.put(r.key(), e.getValue());
                        break;
                    default:
                        b.failed(r.key() + ": " + r.current().shown() + "; kept in the undo state", List.of());
                        left.put(r.key(), e.getValue());
                }
            }
            String summary = left.isEmpty() ? "restored " + s.profile() + "'s previous values"
                    : left.size() + " key(s) could not be restored and stay saved";
            return new ActionGuard.Outcome(summary, report -> {
                state.undo().replaceNewest(left.isEmpty() ? Optional.empty()
                        : Optional.of(new UndoState.Section(s.profile(), s.at(), left)));
                guard.note(intent.action(), left.isEmpty() ? "undo state section removed" : "kept for another undo: " + left.keySet());
            });
        });
    }

    private void trust(java.nio.file.Path file) {
        FileTrust.checkIfExists(file, identity);
    }
}
