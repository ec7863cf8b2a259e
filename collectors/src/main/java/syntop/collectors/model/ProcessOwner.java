package syntop.collectors.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Who holds a listening socket: the process {@code ss -p} names for it, or why none is known.
 *
 * @param pid     the process id, when known
 * @param name    the process name (its {@code comm}), empty when not known
 * @param unknown why the owner is not known (empty when it is): ss lists only the processes this
 *                user may read, and none in another PID namespace
 */
public record ProcessOwner(OptionalLong pid, String name, String unknown) {
    /** What is said of a listener whose row names no process. */
    public static final String NOT_VISIBLE = "not named by ss -p (needs root, or another PID namespace)";

    public ProcessOwner {
        Objects.requireNonNull(pid);
        Objects.requireNonNull(name);
        Objects.requireNonNull(unknown);
    }

    public static ProcessOwner of(long pid, String name) {
        return new ProcessOwner(OptionalLong.of(pid), name, "");
    }

    public static ProcessOwner notVisible() {
        return new ProcessOwner(OptionalLong.empty(), "", NOT_VISIBLE);
    }

    public boolean known() {
        return pid.isPresent();
    }

    /** {@code nginx, pid 812}, or {@code owner: not named by ss -p (needs root, ...)}. */
    public String label() {
        return known() ? name + ", pid " + pid.getAsLong() : "owner: " + unknown;
    }
}
