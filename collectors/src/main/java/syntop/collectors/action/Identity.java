package syntop.collectors.action;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;

/**
 * Who runs syntop: the user id and name, and when root came through sudo, who asked for it
 * ({@code SUDO_UID}, {@code SUDO_USER}). Root decides whether actions may run at all; the sudo
 * user may own profile files a root syntop reads.
 */
public record Identity(int uid, String user, OptionalInt sudoUid, Optional<String> sudoUser) {
    public Identity {
        Objects.requireNonNull(user);
        Objects.requireNonNull(sudoUid);
        Objects.requireNonNull(sudoUser);
    }

    public static Identity of(int uid, String user) {
        return new Identity(uid, user, OptionalInt.empty(), Optional.empty());
    }

    public boolean isRoot() {
        return uid == 0;
    }

    /** "root (sudo from alice)" or "alice (uid 1000)", for the audit log. */
    public String describe() {
        if (isRoot() && sudoUser.isPresent()) {
            return user + " (sudo from " + sudoUser.get() + ")";
        }
        return user + " (uid " + uid + ")";
    }

    /** The running process: its user id from the JDK, else from {@code id -u}; sudo's variables only count for root. */
    public static Identity current(Map<String, String> env, CommandRunner runner) {
        int uid = -1;
        String user = null;
        try {
            com.sun.security.auth.module.UnixSystem u = new com.sun.security.auth.module.UnixSystem();
            uid = (int) u.getUid();
            user = u.getUsername();
        } catch (LinkageError | RuntimeException e) {
            // a runtime without jdk.security.auth: ask id(1)
        }
        if (uid < 0) {
            uid = idNumber(runner, "-u").orElse(-1);
        }
        if (user == null || user.isBlank()) {
            user = Optional.ofNullable(env.get("USER")).orElse("uid" + uid);
        }
        OptionalInt sudoUid = OptionalInt.empty();
        Optional<String> sudoUser = Optional.empty();
        if (uid == 0) {
            String su = env.getOrDefault("SUDO_UID", "");
            if (su.matches("\\d{1,9}")) {
                sudoUid = OptionalInt.of(Integer.parseInt(su));
            }
            String name = env.getOrDefault("SUDO_USER", "");
            if (name.matches("[A-Za-z0-9_.][A-Za-z0-9_.-]{0,31}")) {
                sudoUser = Optional.of(name);
            }
        }
        return new Identity(uid, user, sudoUid, sudoUser);
    }

    private static OptionalInt idNumber(CommandRunner runner, String flag) {
        try {
            CommandResult r = runner.run(List.of("id", flag), Duration.ofSeconds(2), 4096);
            String s = r.stdoutText().strip();
            return r.succeeded() && s.matches("\\d{1,9}") ? OptionalInt.of(Integer.parseInt(s)) : OptionalInt.empty();
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
