package syntop.exporter;

import java.util.Objects;

/** What {@code syntop_build_info} says: syntop's version and the Java runtime it runs on. */
public record BuildInfo(String version, String javaVersion) {
    public BuildInfo {
        Objects.requireNonNull(version);
        Objects.requireNonNull(javaVersion);
    }

    /** This process: the given syntop version (from the jar manifest, or a placeholder) and this JVM. */
    public static BuildInfo current(String version) {
        return new BuildInfo(version == null || version.isBlank() ? "development" : version,
                System.getProperty("java.version", "unknown"));
    }
}
