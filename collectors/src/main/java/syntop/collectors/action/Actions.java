package syntop.collectors.action;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import syntop.collectors.model.OsFamily;
import syntop.collectors.source.CommandRunner;

/**
 * The actions syntop offers, the same way for the console and the command line, whatever the OS,
 * by role: {@link #tuning()} (sysctl profiles and undo), {@link #drops()} (connections) and
 * {@link #blocks()} (sources), {@link #synproxy()} (ports behind the firewall's SYN proxy). They share one {@link ActionGuard}: everything the operator gave is
 * validated before anything runs; read-only mode and missing root refuse; the intent is on record
 * before anything runs and the outcome after; state is kept per network namespace. Every command
 * is an argv from the OS's {@link Interventions}. Plans and diffs need no root and change nothing.
 */
public final class Actions {
    /**
     * How actions run here.
     *
     * @param readOnly     {@code --read-only}: every action is refused
     * @param identity     who runs syntop
     * @param stateDir     where the undo state and the blocked list live
     * @param auditLog     the audit log file
     * @param profileDirs  profile directories, the first wins a name clash
     * @param blockTarget  the table (and set) blocked addresses go into
     * @param ownSessions  the SSH session(s) syntop runs under: their peers are never blocked, and a drop spares them
     * @param clock        time for the audit log and the state
     */
    public record Settings(boolean readOnly, Identity identity, Path stateDir, Path auditLog, List<Path> profileDirs,
                           BlockTarget blockTarget, List<OwnSession> ownSessions, Clock clock) {
        public Settings {
            Objects.requireNonNull(identity);
            Objects.requireNonNull(stateDir);
            Objects.requireNonNull(auditLog);
            profileDirs = List.copyOf(profileDirs);
            Objects.requireNonNull(blockTarget);
            ownSessions = List.copyOf(ownSessions);
            Objects.requireNonNull(clock);
        }

        /** Addresses never blocked: the peers of the own sessions. */
        public List<IpPrefix> protectedSources() {
            return ownSessions.stream().map(OwnSession::peer).distinct().toList();
        }

        public Settings readOnly(boolean ro) {
            return new Settings(ro, identity, stateDir, auditLog, profileDirs, blockTarget, ownSessions, clock);
        }

        public Settings blockTarget(BlockTarget t) {
            return new Settings(readOnly, identity, stateDir, auditLog, profileDirs, t, ownSessions, clock);
        }
    }

    private final Interventions os;
    private final Settings settings;
    private final NamespaceState state;
    private final ActionGuard guard;
    private final TuningActions tuning;
    private final DropActions drops;
    private final BlockActions blocks;
    private final SynproxyActions synproxy;

    /** Reads which network namespace the actions act in (through {@code os}); refused when it cannot be read. */
    public Actions(Interventions os, CommandRunner runner, Settings settings) {
        this.os = os;
        this.settings = settings;
        AuditLog audit = new AuditLog(settings.auditLog(), settings.identity(), settings.clock());
        this.state = new NamespaceState(settings.stateDir(), os.networkNamespace());
        this.guard = new ActionGuard(settings, audit, runner, state);
        this.tuning = new TuningActions(os, guard, new ProfileCatalog(os, settings.profileDirs(), settings.identity()));
        this.drops = new DropActions(os, guard);
        this.blocks = new BlockActions(os, guard);
        this.synproxy = new SynproxyActions(os, guard);
    }

    public OsFamily os() {
        return os.os();
    }

    public Interventions interventions() {
        return os;
    }

    public Settings settings() {
        return settings;
    }

    public boolean readOnly() {
        return settings.readOnly();
    }

    /** The check every change passes, and the place refusals are recorded. */
    public ActionGuard guard() {
        return guard;
    }

    /** The network namespace this state belongs to ({@code net:[INODE]}, or {@code host}). */
    public String namespace() {
        return state.namespace();
    }

    public ProfileCatalog profiles() {
        return tuning.profiles();
    }

    public TuningActions tuning() {
        return tuning;
    }

    public DropActions drops() {
        return drops;
    }

    public BlockActions blocks() {
        return blocks;
    }

    /** Ports behind the firewall's SYN proxy. */
    public SynproxyActions synproxy() {
        return synproxy;
    }
}
