package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.Fixtures;
import syntop.collectors.bundle.TarBuilder;

/** The command line around bundles: usage errors, and broken bundles that must write nothing. */
class CaptureCliTest {
    @Test
    void usageErrorsExitWithTwo(@TempDir Path dir) {
        assertEquals(ExitCodes.USAGE, Cli.run("capture", "-o", dir.resolve("x.zip").toString()).exit);
        assertEquals(ExitCodes.USAGE, Cli.run("capture", "--samples", "0").exit);
        assertEquals(ExitCodes.USAGE, Cli.run("capture", "--interval", "0").exit);
        assertEquals(ExitCodes.USAGE, Cli.run("capture", "--unpack", dir.resolve("none.tar.gz").toString(),
                "-o", dir.resolve("u") + "/").exit);
        assertEquals(ExitCodes.USAGE, Cli.run("capture", "--unpack", dir.resolve("none.tar.gz").toString()).exit);
        Cli mixed = Cli.run("parse", "--capture", dir.toString(), "--platform", "linux");
        assertEquals(ExitCodes.USAGE, mixed.exit);
        assertTrue(mixed.err.contains("--capture reads the whole bundle"), mixed.err);
        Cli bare = Cli.run("parse");
        assertEquals(ExitCodes.USAGE, bare.exit);
        assertTrue(bare.err.contains("--capture BUNDLE"), bare.err);
        assertEquals(ExitCodes.USAGE, Cli.run("parse", "--capture", dir.resolve("none").toString()).exit);
        assertEquals(ExitCodes.USAGE, Cli.run("--capture", dir.resolve("none").toString()).exit);
    }

    @Test
    void helpNamesCapture() {
        Cli r = Cli.run("--help");
        assertTrue(r.out.contains("capture") && r.out.contains("--capture=BUNDLE"), r.out);
        Cli c = Cli.run("capture", "--help");
        assertTrue(c.out.contains("--no-redact") && c.out.contains("--samples"), c.out);
    }

    @Test
    void brokenBundlesGetAClearErrorAndWriteNothing(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.tar.gz");
        Path bundle = Fixtures.onClassPath("linux/6.18-lab-capture-synflood");
        // a real bundle, packed and then damaged in every way the reader must refuse
        assertEquals(0, Cli.run("capture", "--unpack", bundle.toString(), "-o", dir.resolve("copy") + "/").exit,
                "a directory bundle unpacks too");
        byte[] tar = new TarBuilder().directory(bundle, "b").tar();
        Files.write(good, TarBuilder.gzip(tar));
        assertEquals(0, Cli.run("parse", "--capture", good.toString()).exit);
        List<byte[]> broken = List.of(
                Arrays.copyOf(Files.readAllBytes(good), Files.readAllBytes(good).length / 2),
                TarBuilder.gzip(Arrays.copyOf(tar, tar.length / 3)),
                "not gzip at all".getBytes(StandardCharsets.UTF_8),
                new TarBuilder().directory(bundle, "b").file("../../escaped", "x").tarGz(),
                new TarBuilder().directory(bundle, "b").file("/tmp/escaped", "x").tarGz(),
                new TarBuilder().directory(bundle, "b").entry("b/proc/net/tcp6", '2', new byte[0], 0, "/etc/passwd").tarGz());
        for (int i = 0; i < broken.size(); i++) {
            Path in = dir.resolve("broken" + i + ".tar.gz");
            Files.write(in, broken.get(i));
            Path out = dir.resolve("out" + i);
            Cli unpack = Cli.run("capture", "--unpack", in.toString(), "-o", out + "/");
            assertEquals(ExitCodes.SOURCE_FAILED, unpack.exit, "case " + i + ": " + unpack.out);
            assertTrue(unpack.err.startsWith("syntop capture: ") && unpack.err.length() > 30, unpack.err);
            assertFalse(Files.exists(out), "case " + i + " wrote " + out);
            Cli parse = Cli.run("parse", "--capture", in.toString());
            assertEquals(ExitCodes.SOURCE_FAILED, parse.exit, "case " + i);
            assertTrue(parse.out.isEmpty(), parse.out);
            assertTrue(parse.err.contains("broken" + i + ".tar.gz"), parse.err);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("escaped")));
        }
        assertFalse(Files.exists(Path.of("/tmp/escaped")));
    }
}
