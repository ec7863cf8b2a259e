package syntop.collectors.source;

import java.util.List;

/** How a source gets its text: by running a command, or by reading files. Never through a shell. */
public sealed interface Acquisition permits Acquisition.Command, Acquisition.Files {

    /** Run this argument vector (the first element is the program). */
    record Command(List<String> argv) implements Acquisition {
        public Command {
            argv = List.copyOf(argv);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("empty argv");
            }
        }

        @Override
        public String describe() {
            return String.join(" ", argv);
        }
    }

    /** Read these absolute paths (e.g. {@code /proc/net/tcp}), through an {@link FsRoot}. */
    record Files(List<String> paths) implements Acquisition {
        public Files {
            paths = List.copyOf(paths);
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("no paths");
            }
        }

        @Override
        public String describe() {
            return paths.size() <= 2 ? String.join(" ", paths) : paths.get(0) + " and " + (paths.size() - 1) + " more files";
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
}
