package syntop.collectors.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Who holds a listening socket: the process the OS's socket listing names for it, or why none is
 * known, and the user it runs as, or why that is not known.
 *
 * @param pid         the process id, when known
 * @param name        the process name (its {@code comm}), empty when not known
 * @param unknown     why the owner is not known (empty when it is): ss, sockstat and lsof list only
 *                    the processes this user may see, and none in another PID namespace or jail
 * @param user        the user the process runs as (a login name, or the uid as a number where no name
 *                    is known, as ps and sockstat print it); empty when not known
 * @param userUnknown why the user is not known (empty when it is, and when the owner is not known)
 */
public record ProcessOwner(OptionalLong pid, String name, String unknown, String user, String userUnknown) {
    /** What is said of a listener whose ss row names no process. */
    public static final String NOT_VISIBLE = "not named by ss -p (needs root, or another PID namespace)";
    /** What is said of a process whose user was not read with it. */
    public static final String USER_NOT_READ = "user not read";

    public ProcessOwner {
        Objects.requireNonNull(pid);
        Objects.requireNonNull(name);
        Objects.requireNonNull(unknown);
        Objects.requireNonNull(user);
        Objects.requireNonNull(userUnknown);
    }

    /** A process whose user was not read. */
    public static ProcessOwner of(long pid, String name) {
        return new ProcessOwner(OptionalLong.of(pid), name, "", "", USER_NOT_READ);
    }

    public static ProcessOwner of(long pid, String name, String user) {
        return new ProcessOwner(OptionalLong.of(pid), name, "", user, "");
    }

    /** A process whose user could not be read, and why. */
    public static ProcessOwner withUnreadableUser(long pid, String name, String why) {
        return new ProcessOwner(OptionalLong.of(pid), name, "", "", why);
    }

    public static ProcessOwner notVisible() {
        return notVisible(NOT_VISIBLE);
    }

    /** No process is known for the socket, for this reason. */
    public static ProcessOwner notVisible(String why) {
        return new ProcessOwner(OptionalLong.empty(), "", why, "", "");
    }

    public boolean known() {
        return pid.isPresent();
    }

    public boolean userKnown() {
        return !user.isEmpty();
    }

    /** {@code nginx, pid 812}, or {@code owner: not named by ss -p (needs root, ...)}. */
    public String label() {
        return known() ? name + ", pid " + pid.getAsLong() : "owner: " + unknown;
    }

    /** {@code user www-data}, or {@code user unreadable (why)}; empty when no process is known. */
    public String userLabel() {
        if (!known()) {
            return "";
        }
        return userKnown() ? "user " + user : "user unreadable (" + userUnknown + ")";
    }
}
