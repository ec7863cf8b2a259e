package syntop.collectors.bundle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import syntop.collectors.source.Source;

/** Where a source's output lies in a bundle (and in a fixture directory). */
public final class Layout {
    /** Longer slugs are cut here and given a hash, so names fit file systems and tar headers. */
    static final int MAX_SLUG = 100;

    private Layout() {
    }

    /**
     * {@code cmd/<argv-slug>}, to which {@code .txt}, {@code .err} and {@code .exit} are added. A slug
     * longer than 100 characters (a sysctl with a dozen keys) keeps its first 80 and ends in 8 hex
     * digits of the SHA-256 of the whole slug.
     */
    public static String commandBase(List<String> argv) {
        return "cmd/" + fileSlug(argv);
    }

    public static String fileSlug(List<String> argv) {
        String slug = Source.slug(argv);
        if (slug.length() <= MAX_SLUG) {
            return slug;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(slug.getBytes(StandardCharsets.UTF_8));
            return slug.substring(0, 80) + "-" + HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
