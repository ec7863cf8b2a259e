package syntop.collectors.source;

import java.util.List;

/**
 * How a source gets its text: by running a command, by reading files, or by reading the records a
 * kernel log device has added since the last read. Never through a shell.
 */
public sealed interface Acquisition permits Acquisition.Command, Acquisition.OfPaths {

    /** An acquisition that reads paths; a capture or a fixture holds each at its own path. */
    sealed interface OfPaths extends Acquisition permits Files, LogDevice {
        /** Every path read, in order. */
        List<String> paths();
    }

    /** Run this argument vector (the first element is the program). */
    record Command(List<String> argv) implements Acquisition {
        public Command {
            argv = nonEmpty(argv, "empty argv");
        }

        @Override
        public String describe() {
            return String.join(" ", argv);
        }
    }

    /** Read these absolute paths (e.g. {@code /proc/net/tcp}), through an {@link FsRoot}. */
    record Files(List<String> paths) implements OfPaths {
        public Files {
            paths = nonEmpty(paths, "no paths");
        }

        @Override
        public String describe() {
            return paths.size() <= 2 ? String.join(" ", paths) : paths.get(0) + " and " + (paths.size() - 1) + " more files";
        }
    }

    /**
     * A kernel log device read record by record ({@code /dev/kmsg}): the first read returns every record
     * it still holds, each later read only the records added since, so a poll costs what is new. The
     * {@code files} are read whole alongside (the boot time that dates the records).
     */
    record LogDevice(String device, List<String> files) implements OfPaths {
        public LogDevice {
            java.util.Objects.requireNonNull(device);
            files = List.copyOf(files);
        }

        @Override
        public List<String> paths() {
            List<String> all = new java.util.ArrayList<>();
            all.add(device);
            all.addAll(files);
            return List.copyOf(all);
        }

        @Override
        public String describe() {
            return device + " (new records)" + (files.isEmpty() ? "" : " and " + String.join(" ", files));
        }
    }

    /** The command line or the file list, as an operator would type or read it. */
    String describe();

    static Command command(String... argv) {
        return new Command(List.of(argv));
    }

    static Files files(String... paths) {
        return new Files(List.of(paths));
    }

    /** An unmodifiable copy of {@code list}; refused with {@code empty} when it holds nothing. */
    private static List<String> nonEmpty(List<String> list, String empty) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException(empty);
        }
        return List.copyOf(list);
    }
}
