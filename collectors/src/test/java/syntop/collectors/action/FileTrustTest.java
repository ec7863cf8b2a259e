package syntop.collectors.action;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StrictModes for root: owner root or the sudo user, no group/other write on the file or any directory above it. */
class FileTrustTest {
    @TempDir
    Path tmp;
    Path dir;
    Path file;

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createDirectory(tmp.resolve("profiles"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        file = Files.writeString(dir.resolve("p.conf"), "net.ipv4.tcp_syncookies = 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static boolean weAreRoot() {
        return Ids.ROOT.uid() == new com.sun.security.auth.module.UnixSystem().getUid();
    }

    private void chown(Path p, int uid) throws Exception {
        Files.setAttribute(p, "unix:uid", uid);
    }

    @Test
    void aPrivateRootFileIsTrusted() throws Exception {
        assumeTrue(weAreRoot(), "needs root to own files as root");
        assertDoesNotThrow(() -> FileTrust.check(file, Ids.ROOT));
    }

    @Test
    void groupOrWorldWritableFilesAreRefused() throws Exception {
        assumeTrue(weAreRoot(), "needs root to own files as root");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        ActionRefused e = assertThrows(ActionRefused.class, () -> FileTrust.check(file, Ids.ROOT));
        assertEquals(ActionRefused.Reason.UNSAFE_FILE, e.reason());
        assertTrue(e.getMessage().contains("its group") && e.getMessage().contains("0664")
                && e.getMessage().contains("chmod go-w"), e.getMessage());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--rw-"));
        assertTrue(assertThrows(ActionRefused.class, () -> FileTrust.check(file, Ids.ROOT)).getMessage().contains("others"));
    }

    @Test
    void aWritableDirectoryAboveIsRefusedUnlessSticky() throws Exception {
        assumeTrue(weAreRoot(), "needs root to own files as root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        ActionRefused e = assertThrows(ActionRefused.class, () -> FileTrust.check(file, Ids.ROOT));
        assertTrue(e.getMessage().contains("its directory " + dir.toRealPath()), e.getMessage());
        Files.setAttribute(dir, "unix:mode", 01777);
        assertDoesNotThrow(() -> FileTrust.check(file, Ids.ROOT), "sticky like /tmp");
    }

    @Test
    void ownersOtherThanRootOrTheSudoUserAreRefused() throws Exception {
        assumeTrue(weAreRoot(), "needs root to chown");
        chown(file, 4242);
        ActionRefused e = assertThrows(ActionRefused.class, () -> FileTrust.check(file, Ids.ROOT));
        assertTrue(e.getMessage().contains("uid 4242"), e.getMessage());
        assertDoesNotThrow(() -> FileTrust.check(file, Ids.sudo(4242, "alice")), "the user who ran sudo may own it");
        assertThrows(ActionRefused.class, () -> FileTrust.check(file, Ids.sudo(4243, "bob")));
        chown(dir, 4243);
        assertThrows(ActionRefused.class, () -> FileTrust.check(file, Ids.sudo(4242, "alice")), "a directory owned by another user");
    }

    @Test
    void notRootChecksNothing() throws Exception {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertDoesNotThrow(() -> FileTrust.check(file, Ids.USER));
    }
}
