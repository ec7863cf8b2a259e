package syntop.collectors.action;

import java.util.List;

/** Shows an argument vector the way an operator would type it, quoting only where needed. For display and the audit log's readers; never run. */
public final class Argv {
    private Argv() {
    }

    public static String shown(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(a.matches("[A-Za-z0-9_@%+=:,./-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }
}
