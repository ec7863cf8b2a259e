package syntop.collectors.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing and reading bundles, and everything a broken or hostile archive may try: cuts at random
 * places, bad gzip, names that climb out, absolute names, links, oversized entries. Each gets a
 * clear error, and nothing is written outside (or, for a refused bundle, inside) the output path.
 */
class BundleArchiveTest {
    private static final String MANIFEST = "{\"syntop_capture\": 1}";
    private static final Limits SMALL = new Limits(100, 64 * 1024, 256 * 1024);

    private static Bundle sample() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("manifest.json", MANIFEST.getBytes(StandardCharsets.UTF_8));
        files.put("cmd/ss-ltn.txt", "State Recv-Q Send-Q Local Address:Port Peer Address:Port\n".getBytes(StandardCharsets.UTF_8));
        files.put("cmd/ss-ltn.exit", "0\n".getBytes(StandardCharsets.UTF_8));
        files.put("proc/net/tcp", new byte[3000]);
        // deep enough to need the ustar prefix field
        files.put("samples/12/proc/sys/net/ipv4/" + "a".repeat(60) + "/" + "b".repeat(70), "x".getBytes(StandardCharsets.UTF_8));
        return new Bundle("syntop-capture-linux-host-abcdef-20261125T000000Z", files);
    }

    @Test
    void aWrittenArchiveReadsBackTheSameAndUnpacksWithTar(@TempDir Path dir) throws Exception {
        Bundle b = sample();
        Path gz = dir.resolve("b.tar.gz");
        b.writeTarGz(gz, 1_700_000_000L);
        Bundle back = Bundle.read(gz, Limits.DEFAULT);
        assertEquals(b.name(), back.name());
        assertEquals(b.files().keySet(), back.files().keySet());
        b.files().forEach((k, v) -> assertArrayEquals(v, back.files().get(k), k));
        // the system's tar agrees, when there is one
        if (Files.isExecutable(Path.of("/bin/tar")) || Files.isExecutable(Path.of("/usr/bin/tar"))) {
            Path x = Files.createDirectory(dir.resolve("x"));
            Process p = new ProcessBuilder("tar", "-xzf", gz.toString(), "-C", x.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            Bundle viaTar = Bundle.read(x.resolve(b.name()), Limits.DEFAULT);
            assertEquals(b.files().keySet(), viaTar.files().keySet());
        }
        assertThrows(BundleException.class, () -> b.writeTarGz(gz, 0), "an existing file is not overwritten");
    }

    @Test
    void aDirectoryBundleRoundTrips(@TempDir Path dir) throws Exception {
        Bundle b = sample();
        Path d = dir.resolve("bundle");
        b.writeDirectory(d);
        Bundle back = Bundle.read(d, Limits.DEFAULT);
        assertEquals(b.files().keySet(), back.files().keySet());
        BundleException e = assertThrows(BundleException.class, () -> b.writeDirectory(d));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    }

    @Test
    void everyCutOfTheCompressedFileIsACleanError(@TempDir Path dir) throws Exception {
        Path gz = dir.resolve("b.tar.gz");
        sample().writeTarGz(gz, 0);
        byte[] whole = Files.readAllBytes(gz);
        Random rnd = new Random(42);
        for (int i = 0; i < 150; i++) {
            int cut = i < 20 ? i : rnd.nextInt(whole.length);
            byte[] part = Arrays.copyOf(whole, cut);
            BundleException e = assertThrows(BundleException.class, () -> read(part), "cut at " + cut);
            assertTrue(e.getMessage().contains("cut short") || e.getMessage().contains("not a gzip")
                    || e.getMessage().contains("damaged"), "cut at " + cut + ": " + e.getMessage());
        }
    }

    @Test
    void everyCutOfTheTarInsideIsACleanError() throws Exception {
        byte[] tar = new TarBuilder().file("b/manifest.json", MANIFEST).file("b/proc/net/tcp", "x".repeat(1500)).tar();
        Random rnd = new Random(7);
        for (int i = 0; i < 150; i++) {
            int cut = rnd.nextInt(tar.length - 1024);
            byte[] gz = TarBuilder.gzip(Arrays.copyOf(tar, cut));
            BundleException e = assertThrows(BundleException.class, () -> read(gz), "cut at " + cut);
            assertTrue(e.getMessage().contains("cut short"), "cut at " + cut + ": " + e.getMessage());
        }
        assertEquals(2, read(TarBuilder.gzip(tar)).files().size());
    }

    @Test
    void badGzipIsNamed() {
        for (byte[] junk : List.of(new byte[0], "hello, not an archive".getBytes(StandardCharsets.UTF_8),
                new TarBuilder().file("b/manifest.json", MANIFEST).tar())) {
            BundleException e = assertThrows(BundleException.class, () -> read(junk));
            assertTrue(e.getMessage().contains("gzip") || e.getMessage().contains("cut short"), e.getMessage());
        }
        byte[] gz = new TarBuilder().file("b/manifest.json", MANIFEST).tarGz();
        gz[gz.length / 2] ^= 0x55;
        BundleException e = assertThrows(BundleException.class, () -> read(gz));
        assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("corrupt") || e.getMessage().contains("cut"),
                e.getMessage());
    }

    @Test
    void namesThatLeaveTheBundleAndLinksAreRefused(@TempDir Path dir) throws Exception {
        byte[] x = "x".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> evil = Map.of(
                "climbs", new TarBuilder().file("b/manifest.json", MANIFEST).file("b/../../escaped", "x").tarGz(),
                "climbs first", new TarBuilder().file("../escaped", "x").file("b/manifest.json", MANIFEST).tarGz(),
                "absolute", new TarBuilder().file("b/manifest.json", MANIFEST).file("/tmp/escaped", "x").tarGz(),
                "symlink", new TarBuilder().file("b/manifest.json", MANIFEST).entry("b/proc", '2', new byte[0], 0, "/proc").tarGz(),
                "hardlink", new TarBuilder().file("b/manifest.json", MANIFEST).entry("b/x", '1', new byte[0], 0, "/etc/passwd").tarGz(),
                "device", new TarBuilder().file("b/manifest.json", MANIFEST).entry("b/null", '3', new byte[0], 0, "").tarGz(),
                "pax", new TarBuilder().entry("b/PaxHeader", 'x', x).file("b/manifest.json", MANIFEST).tarGz(),
                "backslash", new TarBuilder().file("b/manifest.json", MANIFEST).file("b\\..\\..\\escaped", "x").tarGz(),
                "two tops", new TarBuilder().file("b/manifest.json", MANIFEST).file("c/other", "x").tarGz(),
                "twice", new TarBuilder().file("b/manifest.json", MANIFEST).file("b/manifest.json", MANIFEST).tarGz());
        for (Map.Entry<String, byte[]> e : evil.entrySet()) {
            Path gz = dir.resolve("in.tar.gz");
            Files.write(gz, e.getValue());
            Path out = dir.resolve("out");
            BundleException ex = assertThrows(BundleException.class, () -> Bundle.read(gz, Limits.DEFAULT).writeDirectory(out),
                    e.getKey());
            assertTrue(ex.getMessage().contains("refused") || ex.getMessage().contains("not a syntop capture"),
                    e.getKey() + ": " + ex.getMessage());
            assertFalse(Files.exists(out), e.getKey() + ": nothing may be written");
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(List.of(gz), s.toList(), e.getKey());
            }
            Files.delete(gz);
        }
    }

    @Test
    void hugeEntriesAndTooManyEntriesAreRefusedBeforeReading() {
        byte[] huge = new TarBuilder().file("b/manifest.json", MANIFEST)
                .entry("b/proc/net/tcp", '0', new byte[0], 8L * 1024 * 1024 * 1024 - 1, "").tarGz();
        BundleException e = assertThrows(BundleException.class, () -> read(huge));
        assertTrue(e.getMessage().contains("more than the limit"), e.getMessage());
        TarBuilder many = new TarBuilder().file("b/manifest.json", MANIFEST);
        for (int i = 0; i < 150; i++) {
            many.file("b/f" + i, "x");
        }
        e = assertThrows(BundleException.class, () -> read(many.tarGz()));
        assertTrue(e.getMessage().contains("entries"), e.getMessage());
        TarBuilder big = new TarBuilder().file("b/manifest.json", MANIFEST);
        for (int i = 0; i < 5; i++) {
            big.entry("b/f" + i, '0', new byte[60 * 1024]);
        }
        e = assertThrows(BundleException.class, () -> read(big.tarGz()));
        assertTrue(e.getMessage().contains("add up"), e.getMessage());
    }

    @Test
    void aDirectoryWithASymlinkOrNoManifestIsRefused(@TempDir Path dir) throws IOException {
        Path b = Files.createDirectories(dir.resolve("b/proc"));
        assertTrue(assertThrows(BundleException.class, () -> Bundle.read(dir.resolve("b"), Limits.DEFAULT))
                .getMessage().contains("no manifest.json"));
        Files.writeString(dir.resolve("b/manifest.json"), MANIFEST);
        Files.createSymbolicLink(b.resolve("net"), Path.of("/proc/net"));
        BundleException e = assertThrows(BundleException.class, () -> Bundle.read(dir.resolve("b"), Limits.DEFAULT));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertTrue(assertThrows(BundleException.class, () -> Bundle.read(dir.resolve("nothing"), Limits.DEFAULT))
                .getMessage().contains("no such bundle"));
    }

    @Test
    void aManifestIsCheckedFieldByField() {
        BundleException e = assertThrows(BundleException.class, () -> sample().manifest());
        assertTrue(e.getMessage().contains("manifest.json"), e.getMessage());
        Map<String, byte[]> files = Map.of("manifest.json", "{not json".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(BundleException.class, () -> new Bundle("b", files).manifest());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    private static Bundle read(byte[] gz) throws BundleException {
        return Bundle.readTarGz(new ByteArrayInputStream(gz), SMALL, "test.tar.gz");
    }
}
