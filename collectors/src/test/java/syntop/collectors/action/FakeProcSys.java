package syntop.collectors.action;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import syntop.collectors.os.linux.LinuxInterventions;
import syntop.collectors.source.CommandResult;
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

    /** Writes the key's file as the kernel shows it: a list's values separated by tabs, and a newline. */
    public void set(String key, String value) {
        try {
            Files.createDirectories(file(key).getParent());
            Files.writeString(file(key), value.replace(' ', '\t') + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key's value, a list's values separated by one space. */
    public String get(String key) {
        try {
            return Setting.normalise(Files.readString(file(key)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What {@code sysctl -w KEY=VALUE} does to this machine: writes the key's file, or fails as sysctl
     * does on a key the kernel lacks; null for any other argv.
     */
    public CommandResult sysctlWrite(List<String> argv) {
        if (argv.size() != 3 || !argv.get(0).equals("sysctl") || !argv.get(1).equals("-w")) {
            return null;
        }
        String[] kv = argv.get(2).split("=", 2);
        if (!Files.exists(file(kv[0]))) {
            return RecordingRunner.result(argv, 255, "", "sysctl: cannot stat " + file(kv[0]) + ": No such file or directory\n");
        }
        set(kv[0], kv[1]);
        return RecordingRunner.result(argv, 0, kv[0] + " = " + kv[1] + "\n", "");
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
