package syntop.collectors.action;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import syntop.collectors.source.CommandRunner;

/** A BSD for action tests: a kit whose runner answers sysctl as a BSD kernel with these keys, acted on through one OS's interventions. */
final class BsdMachine {
    final Kit kit;
    final RecordingRunner runner;
    final BsdSysctlFake kernel;
    private final Function<CommandRunner, Interventions> os;

    BsdMachine(Path dir, Function<CommandRunner, Interventions> os, Map<String, String> keys) {
        this.kit = new Kit(dir);
        this.runner = kit.runner;
        this.kernel = new BsdSysctlFake(runner, keys);
        this.os = os;
    }

    Actions actions(Actions.Settings settings) {
        return new Actions(os.apply(runner), runner, settings);
    }

    Actions actions(Identity id, boolean readOnly) {
        return actions(kit.settings(id, readOnly));
    }

    /** As root, not read-only, under the kit's SSH session. */
    Actions actions() {
        return actions(Kit.ROOT, false);
    }
}
