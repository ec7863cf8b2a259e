package syntop.collectors.action;

/**
 * One role of {@link Actions} (tuning, drops, blocks, the SYN proxy): it builds its commands from
 * the OS's {@link Interventions} and runs every change through the one {@link ActionGuard}, which
 * also holds the settings, the namespace's state and the runner for queries.
 */
abstract class ActionRole {
    final Interventions os;
    final ActionGuard guard;

    ActionRole(Interventions os, ActionGuard guard) {
        this.os = os;
        this.guard = guard;
    }
}
