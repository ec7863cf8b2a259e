package syntop.collectors.action;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import syntop.collectors.os.linux.LinuxInterventions;
import syntop.collectors.source.FsRoot;

/**
 * A Linux machine's {@code /proc/sys} and network namespace under a test directory
 * ({@code root/proc/...}): the files a {@link LinuxInterventions} reads through its {@link FsRoot},
 * which {@code sysctl -w} answered by a test runner writes.
 */
public final class FakeProcSys {
    /** The fake machine's network namespace, as {@code /proc/self/ns/net} names it. */
    public static final String NAMESPACE = "net:[4026531999]";

    private final Path root;

    /** Makes {@code dir/root} with the namespace link. */
    public FakeProcSys(Path dir) {
        this.root = dir.resolve("root");
        try {
            Path link = root.resolve("proc/self/ns/net");
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(NAMESPACE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory that stands for {@code /}. */
    public Path root() {
        return root;
    }

    public Path file(String key) {
        return root.resolve("proc/sys/" + key.replace('.', '/'));
    }

    /** Writes the key's file as the kernel shows it: the value and a newline. */
    public void set(String key, String value) {
        try {
            Files.createDirectories(file(key).getParent());
            Files.writeString(file(key), value + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key's file without its newline. */
    public String get(String key) {
        try {
            return Files.readString(file(key)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LinuxInterventions interventions() {
        return new LinuxInterventions(new FsRoot(root));
    }

    /** The argvs among {@code calls} that change the machine (sysctl -w, ss -K, nft but its listings). */
    public static List<List<String>> changes(List<List<String>> calls) {
        return calls.stream().filter(a -> (a.get(0).equals("sysctl") && a.contains("-w")) || a.contains("-K")
                || a.get(0).equals("nft") && !a.contains("list")).toList();
    }
}
