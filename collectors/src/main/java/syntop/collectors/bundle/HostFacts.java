package syntop.collectors.bundle;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import syntop.collectors.model.OsFamily;
import syntop.collectors.os.bsd.HostCommands;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.FsRoot;

/**
 * What a capture's manifest says about the machine, and what redaction must hide: its names and
 * the addresses of its interfaces. Asked once, never failing: unknown facts read "unknown".
 *
 * @param osName             distribution or product name
 * @param osVersion          its version
 * @param kernel             kernel release
 * @param arch               CPU architecture
 * @param byteOrder          the machine's byte order (how /proc/net/tcp prints addresses)
 * @param locale             the locale syntop runs in
 * @param uid                the user id, -1 when unknown
 * @param hostNames          every name of this host found (short and fully qualified)
 * @param interfaceAddresses the addresses of this host's (or this network namespace's) interfaces
 */
public record HostFacts(String osName, String osVersion, String kernel, String arch, ByteOrder byteOrder,
                        String locale, long uid, List<String> hostNames, List<byte[]> interfaceAddresses) {
    private static final String UNKNOWN = "unknown";

    public HostFacts {
        hostNames = List.copyOf(hostNames);
        interfaceAddresses = List.copyOf(interfaceAddresses);
    }

    public boolean root() {
        return uid == 0;
    }

    public static HostFacts gather(OsFamily os, CommandRunner runner, FsRoot fs) {
        String osName = UNKNOWN;
        String osVersion = UNKNOWN;
        String kernel = System.getProperty("os.version", UNKNOWN);
        switch (os) {
            case LINUX: {
                Map<String, String> rel = osRelease(read(fs, "/etc/os-release").orElse(""));
                osName = rel.getOrDefault("PRETTY_NAME", rel.getOrDefault("NAME", "Linux"));
                osVersion = rel.getOrDefault("VERSION_ID", UNKNOWN);
                kernel = read(fs, "/proc/sys/kernel/osrelease").map(String::strip).orElse(kernel);
                break;
            }
            case MACOS:
                osName = HostCommands.firstLine(runner, "sw_vers", "-productName").orElse("macOS");
                osVersion = HostCommands.firstLine(runner, "sw_vers", "-productVersion").orElse(kernel);
                kernel = HostCommands.firstLine(runner, "uname", "-r").orElse(UNKNOWN);
                break;
            case FREEBSD:
                osName = "FreeBSD";
                osVersion = HostCommands.firstLine(runner, "freebsd-version").orElse(kernel);
                kernel = HostCommands.firstLine(runner, "uname", "-r").orElse(kernel);
                break;
            default:
                break;
        }
        long uid = HostCommands.firstLine(runner, "id", "-u").map(HostFacts::parseLong)
                .orElse("root".equals(System.getProperty("user.name")) ? 0L : -1L);
        Set<String> names = new LinkedHashSet<>();
        read(fs, "/proc/sys/kernel/hostname").map(String::strip).ifPresent(names::add);
        HostCommands.firstLine(runner, "uname", "-n").ifPresent(names::add);
        HostCommands.firstLine(runner, "hostname").ifPresent(names::add);
        HostCommands.firstLine(runner, "hostname", "-f").ifPresent(names::add);
        read(fs, "/proc/sys/kernel/domainname").map(String::strip)
                .filter(d -> !d.isEmpty() && !d.equals("(none)"))
                .ifPresent(d -> new ArrayList<>(names).forEach(n -> names.add(n + "." + d)));
        for (String n : new ArrayList<>(names)) {
            int dot = n.indexOf('.');
            if (dot > 0) {
                names.add(n.substring(0, dot));
            }
        }
        names.removeIf(n -> n.isBlank() || n.equals("localhost") || n.startsWith("localhost."));
        return new HostFacts(osName, osVersion, kernel, System.getProperty("os.arch", UNKNOWN), ByteOrder.nativeOrder(),
                locale(System.getenv()), uid, List.copyOf(names), listInterfaceAddresses());
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The effective locale as the C library picks it: LC_ALL, then LC_CTYPE, then LANG. */
    static String locale(Map<String, String> env) {
        for (String k : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
            String v = env.get(k);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "POSIX (" + Locale.getDefault().toLanguageTag() + " in Java)";
    }

    static Map<String, String> osRelease(String text) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0 || line.startsWith("#")) {
                continue;
            }
            String v = line.substring(eq + 1).strip();
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                v = v.substring(1, v.length() - 1);
            }
            m.put(line.substring(0, eq).strip(), v);
        }
        return m;
    }

    private static Optional<String> read(FsRoot fs, String path) {
        try {
            return Optional.of(new String(fs.read(path), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Interface addresses as bytes (no name lookups). */
    static List<byte[]> listInterfaceAddresses() {
        List<byte[]> out = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    out.add(a.getAddress());
                }
            }
        } catch (SocketException | RuntimeException e) {
            // no interface list: the bundle's own addresses are still found and replaced
        }
        return out;
    }
}
