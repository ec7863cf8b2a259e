package syntop.collectors.action;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;

/**
 * The one gate every change goes through, whatever the action (tuning, dropping, blocking):
 * <ol>
 * <li>the change must be allowed: not read-only, root;</li>
 * <li>the state directory of the namespace is locked for the whole action;</li>
 * <li>the intent (the action and what it concerns) is written to the audit log, checked and
 * forced to disk, before anything runs; when it cannot be written the action is refused;</li>
 * <li>each command is recorded as it completes; when a record cannot be written the action stops
 * there;</li>
 * <li>the outcome is recorded, and only then are state files changed.</li>
 * </ol>
 * Every refusal goes into the audit log with what the action concerned, when the log can be
 * written at all.
 */
public final class ActionGuard {
    /** How long one command that changes the firewall or the kernel may take. */
    static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(30);
    /** Output kept of a command that changes something (its messages, not a listing). */
    static final long SMALL_OUTPUT = 1024 * 1024;

    private final Actions.Settings settings;
    private final AuditLog audit;
    private final CommandRunner runner;
    private final NamespaceState state;

    ActionGuard(Actions.Settings settings, AuditLog audit, CommandRunner runner, NamespaceState state) {
        this.settings = settings;
        this.audit = audit;
        this.runner = runner;
        this.state = state;
    }

    Actions.Settings settings() {
        return settings;
    }

    /** The state of the namespace the actions act in. */
    NamespaceState state() {
        return state;
    }

    /** Runs commands that change nothing (queries for a plan), outside the audit log. */
    CommandRunner queries() {
        return runner;
    }

    /** Refuses (recorded) when syntop may not change the system here: read-only, not root. */
    public void checkAllowed(ActionIntent intent) {
        if (settings.readOnly()) {
            throw refused(intent, new ActionRefused(ActionRefused.Reason.READ_ONLY, "read-only: syntop runs with --read-only; "
                    + intent.action() + " is off"));
        }
        if (!settings.identity().isRoot()) {
            throw refused(intent, new ActionRefused(ActionRefused.Reason.NEEDS_ROOT, intent.action()
                    + " needs root (run syntop with sudo); nothing was changed"));
        }
    }

    /**
     * Records a refusal with what it concerned and returns it to be thrown. A log that cannot be
     * written does not stop a refusal: nothing ran.
     */
    public ActionRefused refused(ActionIntent intent, ActionRefused no) {
        if (no.recorded()) {
            return no;
        }
        try {
            audit.refused(intent, no.getMessage());
            no.markRecorded();
        } catch (IOException e) {
            // refusing needs no record to be safe: the action did not run
        }
        return no;
    }

    /** What an action's body returns: its summary, and the state change to make once the outcome is on record. */
    record Outcome(String summary, StateChange afterRecorded) {
        static Outcome of(String summary) {
            return new Outcome(summary, report -> { });
        }
    }

    /** A change of syntop's state files, made only after the outcome is recorded. */
    @FunctionalInterface
    interface StateChange {
        void apply(ActionReport.Builder report) throws IOException;
    }

    /** The body of an action: runs its commands through {@code run}, reports on {@code report}. */
    @FunctionalInterface
    interface Body {
        Outcome run(AuditedRun run, ActionReport.Builder report);
    }

    /** Runs {@code body} as an audited action (see the class comment). */
    ActionReport run(ActionIntent intent, Body body) {
        checkAllowed(intent);
        try (StateLock lock = lockState(intent)) {
            try {
                audit.intent(intent, state.namespace());
            } catch (IOException e) {
                throw refused(intent, new ActionRefused(ActionRefused.Reason.UNRECORDED, e.getMessage()
                        + "; syntop does not act unrecorded, nothing was changed"));
            }
            ActionReport.Builder b = new ActionReport.Builder(intent.action());
            AuditedRun run = new AuditedRun(intent.action());
            Outcome o;
            try {
                o = body.run(run, b);
            } catch (AuditedRun.Unrecorded e) {
                b.failed(e.getMessage(), List.of());
                return b.build("stopped: the audit log cannot be written; syntop's state was not changed");
            } catch (ActionRefused e) {
                throw refused(intent, e);
            }
            boolean ok = !b.anyFailed();
            try {
                audit.outcome(intent.action(), ok, o.summary());
            } catch (IOException e) {
                b.failed("the outcome could not be recorded (" + e.getMessage() + "); syntop's state was not changed", List.of());
                return b.build(o.summary());
            }
            try {
                o.afterRecorded().apply(b);
            } catch (IOException e) {
                b.failed("syntop's state in " + state.dir() + " could not be written: " + e.getMessage(), List.of());
                note(intent.action(), "state not written: " + e.getMessage());
            }
            return b.build(o.summary());
        }
    }

    /** A note for the log that may fail without consequence (the outcome is already recorded). */
    void note(String action, String text) {
        try {
            audit.note(action, text);
        } catch (IOException ignored) {
            // the report says it; the log is full
        }
    }

    private StateLock lockState(ActionIntent intent) {
        try {
            return StateLock.acquire(state.dir());
        } catch (IOException | RuntimeException e) {
            throw refused(intent, new ActionRefused(ActionRefused.Reason.UNRECORDED, "cannot lock syntop's state "
                    + state.dir() + ": " + e.getMessage() + "; nothing was changed"));
        }
    }

    /** An action's commands: each runs, then goes into the audit log; one that cannot be recorded stops the action. */
    final class AuditedRun implements CommandRunner {
        private final String action;

        private AuditedRun(String action) {
            this.action = action;
        }

        @Override
        public CommandResult run(List<String> argv, Duration timeout, long maxOutputBytes) {
            return recorded(runner.run(argv, timeout, maxOutputBytes));
        }

        /** A command fed {@code stdin}; the text it is fed goes on record first, as a note. */
        @Override
        public CommandResult run(List<String> argv, byte[] stdin, Duration timeout, long maxOutputBytes) {
            note("standard input of " + Argv.shown(argv) + ":\n" + new String(stdin, java.nio.charset.StandardCharsets.UTF_8));
            return recorded(runner.run(argv, stdin, timeout, maxOutputBytes));
        }

        private CommandResult recorded(CommandResult r) {
            List<String> argv = r.argv();
            try {
                audit.command(action, r);
            } catch (IOException e) {
                throw new Unrecorded("ran " + Argv.shown(argv) + " (exit " + r.exitCode() + "), but could not record it: "
                        + e.getMessage() + "; syntop stopped there");
            }
            return r;
        }

        /** A note inside the action (previous values saved); one that cannot be written stops the action. */
        void note(String text) {
            try {
                audit.note(action, text);
            } catch (IOException e) {
                throw new Unrecorded("could not record \"" + text + "\": " + e.getMessage() + "; syntop stopped there");
            }
        }

        static final class Unrecorded extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Unrecorded(String message) {
                super(message);
            }
        }
    }
}
