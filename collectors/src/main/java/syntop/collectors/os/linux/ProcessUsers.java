package syntop.collectors.os.linux;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import syntop.collectors.model.ProcessOwner;
import syntop.collectors.parse.Numbers;
import syntop.collectors.source.RawPart;

/**
 * The users that processes run as, from the {@code /proc/PID/status} files read with a listing
 * and {@code /etc/passwd}: the effective uid is the second field of the status's {@code Uid:} line
 * (real, effective, saved, filesystem; proc(5)), which is what ps and top show as USER; its name is
 * the first field of the passwd line whose third field is that uid (passwd(5)). A uid with no
 * passwd line is shown as the number, as ps does. Pure: the files come as parts.
 */
final class ProcessUsers {
    static final String PASSWD = "/etc/passwd";
    private static final Pattern STATUS = Pattern.compile("/proc/(\\d+)/status");

    private final Map<Long, String> statusByPid = new HashMap<>();
    private final Map<Long, String> nameByUid = new HashMap<>();
    private boolean readAny;

    private ProcessUsers() {
    }

    /** Sorts the status and passwd parts out of {@code parts}; the other parts are the listing's. */
    static ProcessUsers of(List<RawPart> parts) {
        ProcessUsers u = new ProcessUsers();
        for (RawPart p : parts) {
            Matcher m = STATUS.matcher(p.name());
            u.readAny |= isUserPart(p);
            if (m.matches()) {
                Numbers.parseCount(m.group(1)).ifPresent(pid -> u.statusByPid.put(pid,
                        new String(p.data(), StandardCharsets.UTF_8)));
            } else if (p.name().equals(PASSWD)) {
                for (String line : new String(p.data(), StandardCharsets.UTF_8).split("\n")) {
                    String[] f = line.split(":", -1);
                    if (f.length >= 3 && !f[0].isEmpty()) {
                        Numbers.parseCount(f[2]).ifPresent(uid -> u.nameByUid.putIfAbsent(uid, f[0]));
                    }
                }
            }
        }
        return u;
    }

    /** Whether {@code p} is one of the files read for users, not part of the listing itself. */
    static boolean isUserPart(RawPart p) {
        return p.name().equals(PASSWD) || STATUS.matcher(p.name()).matches();
    }

    /** {@code owner} with the user its process runs as, or why that is unreadable. */
    ProcessOwner withUser(ProcessOwner owner) {
        if (!owner.known() || !readAny) {
            // nothing was read for users (ss's output alone, as a fixture or an older recording holds it)
            return owner;
        }
        long pid = owner.pid().getAsLong();
        String status = statusByPid.get(pid);
        if (status == null) {
            return ProcessOwner.withUnreadableUser(pid, owner.name(),
                    "/proc/" + pid + "/status not read: the process ended, or /proc hides it");
        }
        OptionalLong uid = effectiveUid(status);
        if (uid.isEmpty()) {
            return ProcessOwner.withUnreadableUser(pid, owner.name(), "/proc/" + pid + "/status has no Uid line");
        }
        return ProcessOwner.of(pid, owner.name(), nameByUid.getOrDefault(uid.getAsLong(), Long.toString(uid.getAsLong())));
    }

    /** The second number of the {@code Uid:} line. */
    static OptionalLong effectiveUid(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("Uid:")) {
                String[] f = Numbers.fields(line.substring(4).strip());
                return f.length >= 2 ? Numbers.parseCount(f[1]) : OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
