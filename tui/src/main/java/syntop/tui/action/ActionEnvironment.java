package syntop.tui.action;

import java.io.Console;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.Actions;
import syntop.collectors.action.BlockTarget;
import syntop.collectors.action.Identity;
import syntop.collectors.action.Interventions;
import syntop.collectors.action.OwnSession;
import syntop.collectors.os.Platforms;
import syntop.collectors.platform.Platform;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.ProcessCommandRunner;
import syntop.tui.config.ConfText;

/**
 * Everything an action needs from the machine it runs on: the OS's interventions, the command
 * runner, who runs syntop, where state, audit log and profiles live, and a way to ask for
 * confirmation. Built once from the real system ({@link #live()}), or by tests from fakes.
 *
 * <p>Paths: as root the audit log is {@code /var/log/syntop/audit.log} and the state
 * {@code /var/lib/syntop/}; otherwise both under {@code $XDG_STATE_HOME/syntop/} (default
 * {@code ~/.local/state/syntop/}). Profiles come from {@code $XDG_CONFIG_HOME/syntop/profiles/}
 * (default {@code ~/.config/syntop/profiles/}), then {@code /etc/syntop/profiles/}, then the
 * built-ins. {@code syntop.conf} in the same two directories can move the audit log and state and
 * name the block table.
 */
public final class ActionEnvironment {
    /** Asks the operator a yes/no question; empty when there is no terminal to ask on. */
    public interface Confirmation {
        Optional<Boolean> ask(String question);

        /** No terminal: every question stays unanswered. */
        Confirmation NONE = q -> Optional.empty();
    }

    private final Optional<Interventions> os;
    private final CommandRunner runner;
    private final Actions.Settings settings;
    private final Confirmation confirmation;
    private final Optional<String> problem;

    public ActionEnvironment(Optional<Interventions> os, CommandRunner runner, Actions.Settings settings,
                             Confirmation confirmation) {
        this(os, runner, settings, confirmation, Optional.empty());
    }

    private ActionEnvironment(Optional<Interventions> os, CommandRunner runner, Actions.Settings settings,
                              Confirmation confirmation, Optional<String> problem) {
        this.os = Objects.requireNonNull(os);
        this.runner = Objects.requireNonNull(runner);
        this.settings = Objects.requireNonNull(settings);
        this.confirmation = Objects.requireNonNull(confirmation);
        this.problem = problem;
    }

    /** This machine, this user, this terminal. */
    public static ActionEnvironment live() {
        Map<String, String> env = System.getenv();
        CommandRunner runner = new ProcessCommandRunner();
        FsRoot root = FsRoot.live();
        Optional<Platform> platform = Platforms.detect(root);
        Optional<Interventions> os = platform.flatMap(p -> p.interventions(runner, root));
        Identity id = Identity.current(env, runner);
        Paths paths = Paths.of(id, env);
        Optional<String> problem = Optional.empty();
        ActionConfig config;
        try {
            config = ActionConfig.read(paths.configFiles(), id);
        } catch (ActionRefused e) {
            config = ActionConfig.empty();
            problem = Optional.of(e.getMessage());
        }
        Actions.Settings s = new Actions.Settings(false, id, config.stateDir().orElse(paths.stateDir()),
                config.auditLog().orElse(paths.auditLog()), paths.profileDirs(), safeTarget(config),
                ownSessions(platform, root, env), Clock.systemUTC());
        return new ActionEnvironment(os, runner, s, ActionEnvironment::askOnConsole, problem);
    }

    private static BlockTarget safeTarget(ActionConfig c) {
        try {
            return c.blockTarget();
        } catch (ActionRefused e) {
            return BlockTarget.DEFAULT;
        }
    }

    /** Where syntop keeps its files for this user. */
    public record Paths(Path stateDir, Path auditLog, List<Path> profileDirs, List<Path> configFiles) {
        public static Paths of(Identity id, Map<String, String> env) {
            Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home", "/")));
            Path config = ConfText.userDir(env);
            Path state = xdg(env, "XDG_STATE_HOME", home.resolve(".local/state")).resolve("syntop");
            Path etc = Path.of("/etc/syntop");
            List<Path> profiles = List.of(config.resolve("profiles"), etc.resolve("profiles"));
            List<Path> configs = List.of(etc.resolve("syntop.conf"), config.resolve("syntop.conf"));
            if (id.isRoot()) {
                return new Paths(Path.of("/var/lib/syntop"), Path.of("/var/log/syntop/audit.log"), profiles, configs);
            }
            return new Paths(state, state.resolve("audit.log"), profiles, configs);
        }

        private static Path xdg(Map<String, String> env, String name, Path fallback) {
            String v = env.get(name);
            return v != null && v.startsWith("/") ? Path.of(v) : fallback;
        }
    }

    /**
     * The SSH session(s) syntop runs under: what the OS's process and socket tables say first
     * (sudo cannot strip them), then OpenSSH's variables (a session started elsewhere, or an OS
     * without a probe).
     */
    static List<OwnSession> ownSessions(Optional<Platform> platform, FsRoot root, Map<String, String> env) {
        List<OwnSession> all = new ArrayList<>();
        platform.flatMap(p -> p.sshSession(root, ProcessHandle.current().pid())).ifPresent(all::add);
        all.addAll(OwnSession.fromEnvironment(env));
        return OwnSession.distinct(all);
    }

    private static Optional<Boolean> askOnConsole(String question) {
        Console c = System.console();
        if (c == null) {
            return Optional.empty();
        }
        String answer = c.readLine("%s [y/N] ", question);
        return Optional.of(answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).matches("y|yes"));
    }

    /** The actions, read-only or not, with the block table given on the command line if any. */
    public Actions actions(boolean readOnly, Optional<String> table) {
        problem.ifPresent(p -> {
            throw new ActionRefused(ActionRefused.Reason.UNSAFE_FILE, p);
        });
        Interventions i = os.orElseThrow(() -> new ActionRefused(ActionRefused.Reason.UNSUPPORTED,
                "this OS (" + System.getProperty("os.name") + ") has no interventions; syntop knows Linux, FreeBSD and macOS"));
        Actions.Settings s = settings.readOnly(readOnly);
        if (table.isPresent()) {
            s = s.blockTarget(new BlockTarget(table.get(), s.blockTarget().set()));
        }
        return new Actions(i, runner, s);
    }

    public Confirmation confirmation() {
        return confirmation;
    }

    public Actions.Settings settings() {
        return settings;
    }
}
