package syntop.collectors.os.bsd;

import java.time.Duration;
import java.util.List;

import syntop.collectors.action.Setting;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;

/** Reading one sysctl key on the BSDs: {@code sysctl -n KEY}, "unknown oid" meaning the key is not on this OS. */
public final class SysctlCommands {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private SysctlCommands() {
    }

    public static Setting read(CommandRunner runner, String key) {
        CommandResult r = runner.run(List.of("sysctl", "-n", key), TIMEOUT, 64 * 1024);
        String err = r.stderr();
        if (err.contains("unknown oid") || err.contains("No such file or directory")) {
            return Setting.missing(key);
        }
        if (!r.succeeded()) {
            String why = err.isBlank() ? r.detail() : err.strip().lines().findFirst().orElse("");
            return Setting.unreadable(key, why.isBlank() ? "exit " + r.exitCode() : why);
        }
        List<String> lines = r.stdoutText().lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() != 1) {
            return Setting.unreadable(key, lines.isEmpty() ? "no value printed" : "a subtree, not one key");
        }
        return Setting.present(key, lines.get(0));
    }
}
