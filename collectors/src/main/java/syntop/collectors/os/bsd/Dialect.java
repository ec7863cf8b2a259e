package syntop.collectors.os.bsd;

/**
 * Which BSD's wording a text follows. The formats of {@code netstat} and {@code pfctl} are shared by
 * FreeBSD and macOS; where the words or the meaning differ, a parser takes the dialect.
 */
public enum Dialect {
    FREEBSD,
    MACOS
}
