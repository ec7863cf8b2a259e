package syntop.collectors.action;

import java.nio.file.Path;
import java.util.Objects;

/**
 * syntop's state for one network namespace: the values to undo, the blocked list, the SYN proxy
 * state, in a directory of their own under the state directory,
 * {@code netns-INODE/} on Linux, {@code host/} on an OS with one network stack. An action in one
 * namespace never reads or changes another's state, so undo in B cannot "restore" B with what A
 * replaced. Each file says in its header which namespace it belongs to.
 */
public final class NamespaceState {
    private final String namespace;
    private final Path dir;
    private final UndoState undo;
    private final BlockedList blocked;
    private final SynproxyState synproxy;

    public NamespaceState(Path stateDir, String namespace) {
        this.namespace = Objects.requireNonNull(namespace);
        this.dir = stateDir.resolve(dirName(namespace));
        this.undo = new UndoState(dir.resolve("undo.state"), namespace);
        this.blocked = new BlockedList(dir.resolve("blocked.list"), namespace);
        this.synproxy = new SynproxyState(dir.resolve("synproxy.state"), namespace);
    }

    /** {@code net:[4026531840]} becomes {@code netns-4026531840}; {@code host} stays. */
    static String dirName(String namespace) {
        if (namespace.matches("net:\\[\\d{1,20}\\]")) {
            return "netns-" + namespace.substring(5, namespace.length() - 1);
        }
        return Inputs.tableName(namespace);
    }

    /** The namespace, as the kernel names it ({@code net:[4026531840]}) or {@code host}. */
    public String namespace() {
        return namespace;
    }

    public Path dir() {
        return dir;
    }

    public UndoState undo() {
        return undo;
    }

    public BlockedList blocked() {
        return blocked;
    }

    /** The ports behind syntop's SYN proxy and the settings to restore. */
    public SynproxyState synproxy() {
        return synproxy;
    }

    /**
     * A word about state an older syntop kept for every namespace at once, directly in the state
     * directory: it is not read (its namespace is unknown), and the operator decides where it goes.
     */
    String olderState(String file) {
        Path old = dir.getParent().resolve(file);
        return java.nio.file.Files.exists(old) ? "; " + old + " is from an older syntop, kept for all namespaces at once: "
                + "move it into " + dir + " if it belongs to this one" : "";
    }
}
