package syntop.collectors.action;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A BSD kernel's sysctl tree behind a recording runner: {@code sysctl -n k}, {@code sysctl k=v}, {@code sysctl -w k=v}. */
final class BsdSysctlFake {
    final Map<String, String> values = new TreeMap<>();

    BsdSysctlFake(RecordingRunner runner, Map<String, String> initial) {
        values.putAll(initial);
        runner.answer(argv -> {
            if (!argv.get(0).equals("sysctl")) {
                return null;
            }
            if (argv.size() == 3 && argv.get(1).equals("-n")) {
                String v = values.get(argv.get(2));
                return v == null ? RecordingRunner.result(argv, 1, "", "sysctl: unknown oid '" + argv.get(2) + "'\n")
                        : RecordingRunner.result(argv, 0, v + "\n", "");
            }
            List<String> assignment = argv.subList(argv.get(1).equals("-w") ? 2 : 1, argv.size());
            if (assignment.size() == 1 && assignment.get(0).contains("=")) {
                String[] kv = assignment.get(0).split("=", 2);
                String old = values.get(kv[0]);
                if (old == null) {
                    return RecordingRunner.result(argv, 1, "", "sysctl: unknown oid '" + kv[0] + "'\n");
                }
                values.put(kv[0], kv[1]);
                return RecordingRunner.result(argv, 0, kv[0] + ": " + old + " -> " + kv[1] + "\n", "");
            }
            return RecordingRunner.result(argv, 64, "", "usage: sysctl ...\n");
        });
    }
}
