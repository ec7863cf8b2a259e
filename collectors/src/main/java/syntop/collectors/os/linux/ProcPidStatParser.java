package syntop.collectors.os.linux;

import java.util.Optional;

import syntop.collectors.parse.Numbers;

/**
 * {@code /proc/PID/stat}: "pid (comm) state ppid pgrp session tty_nr ..." (proc(5)). The command
 * name may hold spaces and parentheses, so it ends at the last ')'.
 */
public final class ProcPidStatParser {
    private ProcPidStatParser() {
    }

    /** One process: its id, command name (at most 15 bytes, as the kernel keeps it) and parent. */
    public record Stat(long pid, String comm, long ppid) {
    }

    public static Optional<Stat> parse(String text) {
        int open = text.indexOf(" (");
        int close = text.lastIndexOf(')');
        if (open < 1 || close < open) {
            return Optional.empty();
        }
        String[] rest = text.substring(close + 1).strip().split("\\s+");
        if (rest.length < 2 || rest[0].length() != 1) {
            return Optional.empty();
        }
        var pid = Numbers.parseLong(text.substring(0, open));
        var ppid = Numbers.parseLong(rest[1]);
        if (pid.isEmpty() || ppid.isEmpty() || pid.getAsLong() < 1 || ppid.getAsLong() < 0) {
            return Optional.empty();
        }
        return Optional.of(new Stat(pid.getAsLong(), text.substring(open + 2, close), ppid.getAsLong()));
    }
}
