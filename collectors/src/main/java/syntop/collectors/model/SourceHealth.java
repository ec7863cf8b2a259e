package syntop.collectors.model;

import java.util.Locale;

/** The state of one source at one tick. The set is small and fixed so it can be a metric label. */
public enum SourceHealth {
    /** Read and understood this tick. */
    OK,
    /** Not read this tick (backed off, or the last poll failed after earlier successes); the values shown are older. */
    STALE,
    /** The OS refused without root privileges. */
    NEEDS_ROOT,
    /** The command or file does not exist here, or the feature is off. */
    UNAVAILABLE,
    /** The command did not finish within its budget and was killed. */
    TIMEOUT,
    /** The output was read but not understood. */
    UNPARSED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
