package syntop.collectors.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** Builds tar archives header by header, including the kinds of entries a bundle must refuse. */
public final class TarBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Every regular file under {@code dir}, in name order, as {@code top/<path under dir>}. */
    public TarBuilder directory(Path dir, String top) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            entry(top + "/" + dir.relativize(f).toString().replace('\\', '/'), '0', Files.readAllBytes(f));
        }
        return this;
    }

    public TarBuilder entry(String name, char type, byte[] data) {
        return entry(name, type, data, data.length, "");
    }

    public TarBuilder file(String name, String text) {
        return entry(name, '0', text.getBytes(StandardCharsets.UTF_8));
    }

    /** An entry whose header may claim another size than the data that follows. */
    public TarBuilder entry(String name, char type, byte[] data, long declaredSize, String linkName) {
        if (name.getBytes(StandardCharsets.UTF_8).length > 100 || linkName.getBytes(StandardCharsets.UTF_8).length > 100) {
            throw new IllegalArgumentException("a ustar name holds 100 bytes: " + name);
        }
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", declaredSize));
        put(h, 136, "00000000000");
        h[156] = (byte) type;
        put(h, 157, linkName);
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        out.writeBytes(h);
        out.writeBytes(data);
        out.writeBytes(new byte[(512 - data.length % 512) % 512]);
        return this;
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, b.length);
    }

    public byte[] tar() {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        t.writeBytes(out.toByteArray());
        t.writeBytes(new byte[1024]);
        return t.toByteArray();
    }

    public byte[] tarGz() {
        return gzip(tar());
    }

    public static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
                gz.write(data);
            }
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
