package syntop.collectors.action;

import java.util.Optional;
import java.util.OptionalInt;

/** Identities for tests: root, a user, root through sudo. */
final class Ids {
    static final Identity ROOT = Identity.of(0, "root");
    static final Identity USER = Identity.of(1000, "alice");

    private Ids() {
    }

    static Identity sudo(int sudoUid, String sudoUser) {
        return new Identity(0, "root", OptionalInt.of(sudoUid), Optional.of(sudoUser));
    }
}
