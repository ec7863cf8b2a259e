package syntop.collectors.bundle;

/** A capture bundle that cannot be read or written; the message says why, in words for the user. */
public final class BundleException extends Exception {
    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
