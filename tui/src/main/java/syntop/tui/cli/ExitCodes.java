package syntop.tui.cli;

/** Documented exit statuses (README, {@code --help}). */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** It ran, but at least one source failed (its status says why), or the input was not understood. */
    public static final int SOURCE_FAILED = 1;
    /** Bad usage: unknown option, bad value, missing file. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
