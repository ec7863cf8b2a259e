package syntop.collectors.bundle;

/**
 * Caps on what reading a bundle may take in, so a hostile or broken archive cannot fill the memory:
 * entries, bytes of one file, bytes in all.
 */
public record Limits(int maxEntries, long maxFileBytes, long maxTotalBytes) {
    /**
     * One command's output is capped at 128 MiB when captured; a bundle of many samples stays under
     * 512 MiB and 50,000 entries (300 samples of a Linux capture are about 10,000).
     */
    public static final Limits DEFAULT = new Limits(50_000, 128L * 1024 * 1024, 512L * 1024 * 1024);

    public Limits {
        if (maxEntries <= 0 || maxFileBytes <= 0 || maxTotalBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
