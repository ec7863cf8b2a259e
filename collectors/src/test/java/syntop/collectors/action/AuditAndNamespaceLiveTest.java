package syntop.collectors.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.os.linux.LinuxInterventions;
import syntop.collectors.source.CommandRunner;

/**
 * Actions against real kernels in network namespaces this test creates, with the audit log and
 * state on a small tmpfs it mounts (and always unmounts), full or nearly full; and two namespaces
 * whose states must stay apart. Skipped, saying why, without root, namespaces or tmpfs.
 */
@EnabledOnOs(OS.LINUX)
class AuditAndNamespaceLiveTest {
    private static final String KEY = "net.ipv4.tcp_synack_retries";

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsRootAndNamespaces() throws Exception {
        Netns.assumeUsable("ip netns, mount and sysctl", "ip", "sysctl", "mount", "umount", "readlink");
    }

    private static Actions actions(CommandRunner runner, Path state, Path audit) {
        Actions.Settings s = new Actions.Settings(false, Identity.of(0, "root"), state, audit, List.of(), BlockTarget.DEFAULT,
                List.of(), Clock.systemUTC());
        return new Actions(LinuxInterventions.readingWith(runner), runner, s);
    }

    private static Profile profile(String value) {
        return Profile.parse("retries", "test", List.of(KEY + " = " + value));
    }

    /** A tmpfs of {@code kib} KiB mounted on a directory of its own, unmounted on close. */
    private static final class SmallDisk implements AutoCloseable {
        final Path dir;

        SmallDisk(Path dir, int kib) throws Exception {
            this.dir = dir;
            Files.createDirectories(dir);
            Netns.host("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0700", "tmpfs", dir.toString()).check();
        }

        /** Fills what is left with a file, leaving about {@code spare} bytes free. */
        void fill(long spare) throws IOException {
            long free = Files.getFileStore(dir).getUsableSpace();
            byte[] block = new byte[4096];
            long want = Math.max(0, free - spare);
            try (var out = Files.newOutputStream(dir.resolve("filler"), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND)) {
                for (long done = 0; done + block.length <= want; done += block.length) {
                    out.write(block);
                }
            } catch (IOException full) {
                // the disk is full: that is what was asked
            }
        }

        void empty() throws IOException {
            Files.deleteIfExists(dir.resolve("filler"));
        }

        @Override
        public void close() throws Exception {
            if (Netns.host("umount", dir.toString()).exit() != 0) {
                Netns.host("umount", "-l", dir.toString()).check(); // busy: detach it now, the kernel frees it when unused
            }
        }
    }

    @Test
    void aFullDiskRefusesApplyAndUndoWithoutChangingTheKernelOrTheState() throws Exception {
        try (Netns ns = Netns.create("full"); SmallDisk disk = new SmallDisk(tmp.resolve("disk"), 64)) {
            ns.exec("sysctl", "-w", KEY + "=5").check();
            Path state = disk.dir.resolve("state");
            Path first = disk.dir.resolve("audit.log");
            assertTrue(actions(ns.runner(), state, first).tuning().apply(profile("3")).ok());
            assertEquals("3", ns.sysctl(KEY));
            Path undo;
            try (var dirs = Files.list(state)) {
                undo = dirs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("undo.state");
            }
            String saved = Files.readString(undo);
            // a log with no room left: a new file on the full disk (an old one may keep a page's slack)
            Path audit = disk.dir.resolve("audit-full.log");
            disk.fill(0);
            Path full = audit;
            ActionRefused e = assertThrows(ActionRefused.class, () -> actions(ns.runner(), state, full).tuning().undo());
            assertEquals(ActionRefused.Reason.UNRECORDED, e.reason(), e.getMessage());
            assertEquals("3", ns.sysctl(KEY), "the kernel is untouched");
            assertEquals(saved, Files.readString(undo), "the undo section is kept, unchanged");
            ActionRefused a = assertThrows(ActionRefused.class, () -> actions(ns.runner(), state, full).tuning().apply(profile("2")));
            assertEquals(ActionRefused.Reason.UNRECORDED, a.reason(), a.getMessage());
            assertEquals("3", ns.sysctl(KEY));
            assertEquals(0, Files.size(full), "no half record was left");

            disk.empty();
            assertTrue(actions(ns.runner(), state, full).tuning().undo().ok(), "with room again, undo works");
            assertEquals("5", ns.sysctl(KEY));
            assertFalse(Files.exists(undo));
        }
    }

    @Test
    void aNearlyFullDiskLeavesOnlyWholeRecordsAndNoUnrecordedChange() throws Exception {
        try (Netns ns = Netns.create("near"); SmallDisk disk = new SmallDisk(tmp.resolve("disk"), 16)) {
            ns.exec("sysctl", "-w", KEY + "=5").check();
            Path audit = disk.dir.resolve("audit.log");
            Path state = tmp.resolve("state"); // state elsewhere: only the log runs out
            // a log that ends 100 bytes before the disk is full: the next record starts, then meets the end
            disk.fill(4096);
            long room = Files.getFileStore(disk.dir).getUsableSpace();
            String line = "{\"note\":\"" + "x".repeat((int) Math.max(0, room - 100 - 12)) + "\"}\n";
            Files.writeString(audit, line);
            long before = Files.size(audit);

            ActionRefused e = assertThrows(ActionRefused.class, () -> actions(ns.runner(), state, audit).tuning().apply(profile("3")));
            assertEquals(ActionRefused.Reason.UNRECORDED, e.reason(), e.getMessage());
            assertEquals("5", ns.sysctl(KEY), "nothing changed unrecorded");
            assertEquals(before, Files.size(audit), "the cut record was taken back");
            assertTrue(Files.readString(audit).endsWith("}\n"));
        }
    }

    @Test
    void undoInOneNamespaceNeverUsesAnothersState() throws Exception {
        try (Netns a = Netns.create("nsa"); Netns b = Netns.create("nsb")) {
            a.exec("sysctl", "-w", KEY + "=5").check();
            b.exec("sysctl", "-w", KEY + "=6").check();
            Path state = tmp.resolve("state");
            Path audit = tmp.resolve("audit.log");
            Actions inA = actions(a.runner(), state, audit);
            Actions inB = actions(b.runner(), state, audit);
            String nsA = a.exec("readlink", "/proc/self/ns/net").check().out().strip();
            assertEquals(nsA, inA.namespace());
            assertFalse(inA.namespace().equals(inB.namespace()), inA.namespace() + " " + inB.namespace());

            assertTrue(inA.tuning().apply(profile("2")).ok());
            assertEquals("2", a.sysctl(KEY));
            ActionRefused none = assertThrows(ActionRefused.class, () -> inB.tuning().undo());
            assertEquals(ActionRefused.Reason.NOTHING_TO_DO, none.reason());
            assertTrue(none.getMessage().contains(inB.namespace()), none.getMessage());
            assertEquals("6", b.sysctl(KEY), "B is not \"restored\" with A's values");
            assertTrue(inA.tuning().undoDiff().orElseThrow().title().contains(nsA));

            assertTrue(inB.blocks().blocked().isEmpty());
            assertTrue(actions(a.runner(), state, audit).tuning().undo().ok(), "A keeps its undo");
            assertEquals("5", a.sysctl(KEY));
            assertTrue(Files.readString(audit).contains("\"netns\":\"" + nsA + "\""));
        }
    }
}
