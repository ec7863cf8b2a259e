package syntop.collectors.source;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * Run this argument vector (the first element is the program), then read the files its output
     * names, if any are asked for.
     */
    record Command(List<String> argv, Optional<FilesNamed> thenRead) implements Acquisition {
        public Command {
            argv = nonEmpty(argv, "empty argv");
            Objects.requireNonNull(thenRead);
        }

        public Command(List<String> argv) {
            this(argv, Optional.empty());
        }

        /** The same command, followed by reading the files its output names. */
        public Command thenReading(FilesNamed files) {
            return new Command(argv, Optional.of(files));
        }

        @Override
        public String describe() {
            return String.join(" ", argv) + thenRead.map(f -> ", then " + String.format(Locale.ROOT,
                    f.pathFormat(), "PID") + (f.always().isEmpty() ? "" : " and " + String.join(" ", f.always())))
                    .orElse("");
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
            Objects.requireNonNull(device);
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

    /**
     * Files to read after a command, named by what it printed: each distinct first group of
     * {@code pattern} in its output fills the {@code %s} of {@code pathFormat} (at most {@code max}
     * of them), and {@code always} are read whenever one is. A file that cannot be read is left out
     * (the process may have ended since), never failing the command's output.
     * E.g. the {@code /proc/PID/status} of each process {@code ss -p} names, and {@code /etc/passwd}.
     */
    record FilesNamed(String pattern, String pathFormat, int max, List<String> always) {
        public FilesNamed {
            Pattern.compile(pattern);
            Objects.requireNonNull(pathFormat);
            always = List.copyOf(always);
        }

        /** The paths {@code output} names, in order of first mention, then {@code always}; empty when it names none. */
        public List<String> paths(String output) {
            Set<String> out = new LinkedHashSet<>();
            Matcher m = Pattern.compile(pattern).matcher(output);
            while (m.find() && out.size() < max) {
                out.add(String.format(Locale.ROOT, pathFormat, m.group(1)));
            }
            if (out.isEmpty()) {
                return List.of();
            }
            out.addAll(always);
            return List.copyOf(out);
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
