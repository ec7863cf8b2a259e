package syntop.collectors.action;

import java.util.Objects;

/**
 * An action syntop will not take, with the reason in plain words. Thrown before anything is
 * changed: a refused action has run no command that changes the system.
 */
public final class ActionRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why, in a form the command line maps to an exit status. */
    public enum Reason {
        /** A key, value, address, port, state, name or profile line that is not accepted. */
        INVALID,
        /** syntop runs with {@code --read-only}. */
        READ_ONLY,
        /** The action changes the kernel and syntop does not run as root. */
        NEEDS_ROOT,
        /** A profile, config or state file others could have written (StrictModes). */
        UNSAFE_FILE,
        /** This OS has no tool for it. */
        UNSUPPORTED,
        /** Nothing to do (no undo state, an unknown profile, an empty selection). */
        NOTHING_TO_DO,
        /** The operator did not confirm, or could not be asked. */
        NOT_CONFIRMED,
        /** A firewall object syntop would change exists and is not syntop's (or syntop cannot tell). */
        NOT_OURS,
        /** The audit log cannot be written, or the state directory cannot be locked: syntop does not act unrecorded. */
        UNRECORDED
    }

    private final Reason reason;
    private volatile boolean recorded;

    public ActionRefused(Reason reason, String message) {
        super(Objects.requireNonNull(message));
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }

    /** True once the refusal is in the audit log (so a caller does not record it twice). */
    public boolean recorded() {
        return recorded;
    }

    ActionRefused markRecorded() {
        recorded = true;
        return this;
    }

    static ActionRefused invalid(String message) {
        return new ActionRefused(Reason.INVALID, message);
    }
}
