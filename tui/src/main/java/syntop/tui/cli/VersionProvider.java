package syntop.tui.cli;

import picocli.CommandLine;

/** {@code syntop --version}: the version from the jar's manifest, and the runtime. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = SyntopCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "syntop " + (v == null ? "(development build)" : v),
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.version")
        };
    }
}
