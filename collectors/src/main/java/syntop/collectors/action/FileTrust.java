package syntop.collectors.action;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Set;

/**
 * The check sshd's StrictModes makes, for the files a root syntop reads (profiles, config, its own
 * state): the file and every directory above it must be owned by root or by the user who ran sudo,
 * and not writable by group or others (a directory with the sticky bit, such as /tmp, may be
 * writable by all, since others cannot replace what they do not own). Anyone else could otherwise
 * make root set kernel values of their choosing. Not root: nothing to check, the user can only
 * hurt themselves, and syntop refuses to change the kernel anyway.
 */
public final class FileTrust {
    private FileTrust() {
    }

    /** {@link #check} for a file syntop keeps itself (state), which may not exist yet. */
    public static void checkIfExists(Path file, Identity id) {
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            check(file, id);
        }
    }

    /** Throws {@link ActionRefused} ({@link ActionRefused.Reason#UNSAFE_FILE}) saying which path and why. */
    public static void check(Path file, Identity id) {
        if (!id.isRoot()) {
            return;
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new ActionRefused(ActionRefused.Reason.NOTHING_TO_DO, "cannot read " + file + ": " + e.getMessage());
        }
        checkOne(real, id, false, file);
        for (Path dir = real.getParent(); dir != null; dir = dir.getParent()) {
            checkOne(dir, id, true, file);
        }
    }

    private static void checkOne(Path p, Identity id, boolean directory, Path asked) {
        int uid;
        int mode;
        try {
            uid = (Integer) Files.getAttribute(p, "unix:uid");
            mode = (Integer) Files.getAttribute(p, "unix:mode");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            checkPosix(p, id, directory, asked);
            return;
        } catch (IOException e) {
            throw unsafe(asked, p, directory, "cannot read its owner and mode: " + e.getMessage());
        }
        boolean ownerOk = uid == 0 || (id.sudoUid().isPresent() && uid == id.sudoUid().getAsInt());
        if (!ownerOk) {
            throw unsafe(asked, p, directory, "it is owned by uid " + uid + ", not by root" + sudoPart(id));
        }
        boolean sticky = directory && (mode & 01000) != 0;
        if ((mode & 022) != 0 && !sticky) {
            throw unsafe(asked, p, directory, String.format(Locale.ROOT, "it is writable by %s (mode %04o); fix with: chmod go-w %s",
                    (mode & 020) != 0 && (mode & 002) != 0 ? "group and others" : (mode & 020) != 0 ? "its group" : "others",
                    mode & 07777, p));
        }
    }

    private static void checkPosix(Path p, Identity id, boolean directory, Path asked) {
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
            String owner = a.owner().getName();
            if (!owner.equals("root") && !(id.sudoUser().isPresent() && owner.equals(id.sudoUser().get()))) {
                throw unsafe(asked, p, directory, "it is owned by " + owner + ", not by root" + sudoPart(id));
            }
            Set<PosixFilePermission> perms = a.permissions();
            if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw unsafe(asked, p, directory, "it is writable by group or others; fix with: chmod go-w " + p);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw unsafe(asked, p, directory, "cannot read its owner and permissions");
        }
    }

    private static String sudoPart(Identity id) {
        return id.sudoUser().map(u -> " or " + u).orElse("");
    }

    private static ActionRefused unsafe(Path asked, Path p, boolean directory, String why) {
        String where = directory ? "its directory " + p + ": " : asked.equals(p) ? "" : p + ": ";
        return new ActionRefused(ActionRefused.Reason.UNSAFE_FILE, "refusing " + asked + " as root: " + where + why
                + " (whoever can write it could make root change the kernel)");
    }
}
