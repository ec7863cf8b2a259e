package syntop.collectors.os;

import java.util.Optional;

import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.os.freebsd.FreeBsdPlatform;
import syntop.collectors.os.linux.LinuxPlatform;
import syntop.collectors.os.macos.MacOsPlatform;
import syntop.collectors.platform.Platform;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.ProcessCommandRunner;

/**
 * Finds the platform of this machine, or builds one for parsing another machine's saved outputs.
 * It lives beside the OS packages, not in {@code platform}, so that the contract knows no OS.
 */
public final class Platforms {
    private Platforms() {
    }

    /** The platform of the running machine, or empty when syntop does not support this OS. */
    public static Optional<Platform> detect(FsRoot root) {
        return OsFamily.fromOsName(System.getProperty("os.name")).map(os -> live(os, root));
    }

    private static Platform live(OsFamily os, FsRoot root) {
        return switch (os) {
            case LINUX -> new LinuxPlatform(root);
            case FREEBSD -> new FreeBsdPlatform(new ProcessCommandRunner());
            case MACOS -> new MacOsPlatform(new ProcessCommandRunner());
        };
    }

    /** A platform for parsing saved outputs of that OS; it does no I/O. */
    public static Platform offline(OsFamily os, HostInfo host) {
        return switch (os) {
            case LINUX -> new LinuxPlatform(host);
            case FREEBSD -> new FreeBsdPlatform(host);
            case MACOS -> new MacOsPlatform(host);
        };
    }
}
