package syntop.tui.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Plain tar bytes for tests: a directory packed under a name, and hostile entries added to it. */
final class TarOf {
    private TarOf() {
    }

    static byte[] directory(Path dir, String top) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            entry(out, top + "/" + dir.relativize(f).toString().replace('\\', '/'), '0', Files.readAllBytes(f), "");
        }
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    static byte[] withEntry(byte[] tar, String name, String text) {
        return append(tar, name, '0', text.getBytes(StandardCharsets.UTF_8), "");
    }

    static byte[] withSymlink(byte[] tar, String name, String target) {
        return append(tar, name, '2', new byte[0], target);
    }

    private static byte[] append(byte[] tar, String name, char type, byte[] data, String link) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(tar, tar.length - 1024));
        entry(out, name, type, data, link);
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void entry(ByteArrayOutputStream out, String name, char type, byte[] data, String link) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 124, String.format("%011o", data.length));
        put(h, 136, "00000000000");
        h[156] = (byte) type;
        put(h, 157, link);
        put(h, 257, "ustar");
        put(h, 263, "00");
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        out.writeBytes(h);
        out.writeBytes(data);
        out.writeBytes(new byte[(512 - data.length % 512) % 512]);
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, Math.min(b.length, 100));
    }
}
