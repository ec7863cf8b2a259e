package syntop.tui.cli;

import java.nio.file.Path;

/**
 * Where the attack lab's scripts are: {@code -Dsyntop.lab=DIR}, else {@code $SYNTOP_LAB}, else
 * {@code ../shared/lab} beside the repository.
 */
final class Lab {
    static final String SERVER = "syntop-srv";

    private Lab() {
    }

    static Path dir() {
        String p = System.getProperty("syntop.lab");
        if (p == null || p.isBlank()) {
            p = System.getenv("SYNTOP_LAB");
        }
        if (p != null && !p.isBlank()) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        Path repo = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
        return repo.resolve("../shared/lab").normalize();
    }
}
