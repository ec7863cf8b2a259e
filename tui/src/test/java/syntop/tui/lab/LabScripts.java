package syntop.tui.lab;

import java.nio.file.Path;

/** Where the attack lab's scripts are, for every test that uses them. */
public final class LabScripts {
    private LabScripts() {
    }

    /**
     * {@code -Dsyntop.lab=DIR}, else {@code $SYNTOP_LAB}, else the project's own {@code lab/} (the
     * tests run in a module's directory, one below the project's).
     */
    public static Path dir() {
        String p = System.getProperty("syntop.lab");
        if (p == null || p.isBlank()) {
            p = System.getenv("SYNTOP_LAB");
        }
        if (p != null && !p.isBlank()) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
        return module.resolveSibling("lab");
    }
}
