package syntop.collectors.model;

import java.util.Locale;
import java.util.Optional;

/** The operating-system families syntop knows. The token is used for packages, fixture folders and CLI values. */
public enum OsFamily {
    LINUX("linux"),
    FREEBSD("freebsd"),
    MACOS("macos");

    private final String token;

    OsFamily(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<OsFamily> fromToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String t = token.trim().toLowerCase(Locale.ROOT);
        for (OsFamily f : values()) {
            if (f.token.equals(t)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Maps the JVM's {@code os.name} to a family, if syntop supports it. */
    public static Optional<OsFamily> fromOsName(String osName) {
        String n = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("linux")) {
            return Optional.of(LINUX);
        }
        if (n.startsWith("freebsd")) {
            return Optional.of(FREEBSD);
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return Optional.of(MACOS);
        }
        return Optional.empty();
    }
}
