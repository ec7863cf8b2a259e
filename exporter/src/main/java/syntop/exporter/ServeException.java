package syntop.exporter;

/** {@code syntop serve} cannot start: a bad option or web configuration, or the address cannot be listened on. */
public final class ServeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Whether the operator asked for something invalid (usage), rather than the machine refusing (port taken). */
    private final boolean usage;

    public ServeException(String message, boolean usage) {
        super(message);
        this.usage = usage;
    }

    public ServeException(String message, boolean usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    public boolean isUsage() {
        return usage;
    }
}
