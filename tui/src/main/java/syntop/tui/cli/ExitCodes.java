package syntop.tui.cli;

/** Documented exit statuses (README, {@code --help}). */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** It ran, but at least one source failed (its status says why), or the input was not understood. */
    public static final int SOURCE_FAILED = 1;
    /** Bad usage: unknown option, bad value, missing file; for actions also a refused key, value or address. */
    public static final int USAGE = 2;
    /** An action ran, but a step of it failed (its report says which). */
    public static final int ACTION_FAILED = 1;
    /**
     * An action was refused before it ran anything: read-only mode, not root, an unsafe file, no
     * terminal to confirm on (and no --yes), the operator said no, nothing to do, or no tool on this OS.
     */
    public static final int REFUSED = 3;

    private ExitCodes() {
    }
}
