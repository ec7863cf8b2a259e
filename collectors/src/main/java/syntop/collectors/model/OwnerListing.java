package syntop.collectors.model;

import java.util.List;
import java.util.Objects;

/**
 * What a source that names the owners of listening sockets said: the sockets it named, and what
 * is to be said of a listener it did not name (it lists only the processes this user may see).
 *
 * @param named   the sockets with their owning processes, in the source's order
 * @param unnamed why a listener without a row has no known owner
 */
public record OwnerListing(List<SocketOwner> named, String unnamed) {
    public OwnerListing {
        named = List.copyOf(named);
        Objects.requireNonNull(unnamed);
    }

    /** The owner of {@code q}: a row of the same protocol first, then any row of the same socket, else unnamed. */
    public ProcessOwner ownerOf(ListenQueue q) {
        SocketOwner any = null;
        for (SocketOwner o : named) {
            if (o.owns(q)) {
                if (o.protocol().equals(q.protocol())) {
                    return o.process();
                }
                if (any == null) {
                    any = o;
                }
            }
        }
        return any != null ? any.process() : ProcessOwner.notVisible(unnamed);
    }
}
