package syntop.tui.cli;

import picocli.CommandLine;

/** {@code syntop --version}: the version from the jar's manifest, and the runtime. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    /** The version from the jar's manifest, or {@code (development build)} when run from classes. */
    public static String version() {
        String v = SyntopCommand.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "syntop " + version(),
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.version")
        };
    }
}
