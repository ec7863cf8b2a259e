package syntop.collectors.bundle;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ustar archive format (POSIX.1-1988), just enough of it for capture bundles: regular files and
 * directories, names up to 255 bytes (split into prefix and name). The reader is strict: it takes
 * only those two entry types, verifies every header checksum, rejects names that could leave the
 * extraction directory, and stops at the {@link Limits} before reading an oversized entry.
 */
public final class Ustar {
    static final int BLOCK = 512;

    private Ustar() {
    }

    /** One archive member: a file with its content, or a directory (no content). */
    public record Entry(String name, byte[] data, boolean directory) {
        public static Entry file(String name, byte[] data) {
            return new Entry(name, data, false);
        }

        public static Entry directory(String name) {
            return new Entry(name, new byte[0], true);
        }
    }

    /** Writes the entries and the end-of-archive marker (two zero blocks). */
    public static void write(OutputStream out, List<Entry> entries, long mtimeSeconds) throws IOException {
        for (Entry e : entries) {
            String name = e.directory() && !e.name().endsWith("/") ? e.name() + "/" : e.name();
            out.write(header(name, e.directory() ? 0 : e.data().length, e.directory(), mtimeSeconds));
            if (!e.directory()) {
                out.write(e.data());
                int pad = (BLOCK - e.data().length % BLOCK) % BLOCK;
                out.write(new byte[pad]);
            }
        }
        out.write(new byte[2 * BLOCK]);
    }

    private static byte[] header(String name, long size, boolean dir, long mtime) throws IOException {
        byte[] h = new byte[BLOCK];
        byte[] full = name.getBytes(StandardCharsets.UTF_8);
        String prefix = "";
        String rest = name;
        if (full.length > 100) {
            // split at a slash so that the name part fits 100 bytes and the prefix 155
            int cut = -1;
            for (int i = name.length() - 1; i > 0; i--) {
                if (name.charAt(i) == '/' && name.substring(i + 1).getBytes(StandardCharsets.UTF_8).length <= 100
                        && name.substring(0, i).getBytes(StandardCharsets.UTF_8).length <= 155) {
                    cut = i;
                    break;
                }
            }
            if (cut < 0) {
                throw new IOException("name too long for a tar header: " + name);
            }
            prefix = name.substring(0, cut);
            rest = name.substring(cut + 1);
        }
        put(h, 0, 100, rest.getBytes(StandardCharsets.UTF_8));
        octal(h, 100, 8, dir ? 0755 : 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, Math.max(0, mtime));
        h[156] = (byte) (dir ? '5' : '0');
        put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        put(h, 265, 32, "root".getBytes(StandardCharsets.US_ASCII));
        put(h, 297, 32, "root".getBytes(StandardCharsets.US_ASCII));
        put(h, 345, 155, prefix.getBytes(StandardCharsets.UTF_8));
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        byte[] c = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(c, 0, h, 148, 6);
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int off, int len, byte[] v) {
        System.arraycopy(v, 0, h, off, Math.min(len, v.length));
    }

    private static void octal(byte[] h, int off, int len, long v) {
        String s = Long.toOctalString(v);
        if (s.length() > len - 1) {
            throw new IllegalArgumentException("value too large for a tar field: " + v);
        }
        String padded = "0".repeat(len - 1 - s.length()) + s;
        put(h, off, len - 1, padded.getBytes(StandardCharsets.US_ASCII));
        h[off + len - 1] = 0;
    }

    /**
     * Reads every entry up to the end-of-archive marker. Directories are returned too, so callers can
     * tell an empty tree; names come back without a leading {@code ./} or a trailing slash.
     */
    public static List<Entry> read(InputStream in, Limits limits) throws BundleException, IOException {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long total = 0;
        byte[] h = new byte[BLOCK];
        while (true) {
            if (!readBlock(in, h)) {
                throw new BundleException("the archive is cut short: it ends without the end-of-archive marker");
            }
            if (zero(h)) {
                if (!readBlock(in, h) || !zero(h)) {
                    throw new BundleException("the archive is cut short or damaged after its end-of-archive block");
                }
                return entries;
            }
            if (!checksumOk(h)) {
                throw new BundleException("damaged archive: bad header checksum after " + entries.size() + " entries");
            }
            String name = string(h, 0, 100);
            String magic = string(h, 257, 6);
            if (!magic.startsWith("ustar")) {
                throw new BundleException("not a ustar archive (entry " + (entries.size() + 1) + ")");
            }
            String prefix = string(h, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            char type = (char) h[156];
            long size = size(h, name);
            switch (type) {
                case '0':
                case '\0':
                case '5':
                    break;
                case '1':
                    throw new BundleException("refused: '" + name + "' is a hard link; a bundle holds only files and directories");
                case '2':
                    throw new BundleException("refused: '" + name + "' is a symbolic link; a bundle holds only files and directories");
                default:
                    throw new BundleException("refused: '" + name + "' has entry type '" + type
                            + "'; a bundle holds only files and directories (make it with syntop capture)");
            }
            boolean dir = type == '5' || (name.endsWith("/") && size == 0);
            String clean = safeName(name);
            if (!dir && clean.isEmpty()) {
                throw new BundleException("refused: a file entry has no name ('" + name + "')");
            }
            if (entries.size() >= limits.maxEntries()) {
                throw new BundleException("refused: more than " + limits.maxEntries() + " entries");
            }
            if (dir) {
                if (size != 0) {
                    throw new BundleException("damaged archive: directory '" + name + "' has a size");
                }
                entries.add(Entry.directory(clean));
                continue;
            }
            if (size > limits.maxFileBytes()) {
                throw new BundleException("refused: '" + name + "' is " + size + " bytes, more than the limit of "
                        + limits.maxFileBytes());
            }
            total += size;
            if (total > limits.maxTotalBytes()) {
                throw new BundleException("refused: the files add up to more than " + limits.maxTotalBytes() + " bytes");
            }
            if (!names.add(clean)) {
                throw new BundleException("refused: '" + clean + "' appears twice");
            }
            byte[] data = in.readNBytes((int) size);
            if (data.length != size) {
                throw new BundleException("the archive is cut short inside '" + name + "'");
            }
            int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
            if (in.readNBytes(pad).length != pad) {
                throw new BundleException("the archive is cut short after '" + name + "'");
            }
            entries.add(Entry.file(clean, data));
        }
    }

    /**
     * A name that stays inside the directory it is unpacked into: relative, no {@code ..}, no
     * backslashes or control characters; {@code ./} parts and a trailing slash are dropped.
     */
    static String safeName(String name) throws BundleException {
        if (name.isEmpty()) {
            throw new BundleException("refused: an entry has an empty name");
        }
        if (name.startsWith("/")) {
            throw new BundleException("refused: '" + name + "' is an absolute path");
        }
        if (name.indexOf('\\') >= 0 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new BundleException("refused: '" + printable(name) + "' has a backslash or a control character");
        }
        if (name.length() > 1 && name.charAt(1) == ':') {
            throw new BundleException("refused: '" + name + "' names a drive");
        }
        List<String> parts = new ArrayList<>();
        for (String p : name.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                throw new BundleException("refused: '" + name + "' climbs out of the bundle with '..'");
            }
            parts.add(p);
        }
        if (parts.isEmpty()) {
            return "";
        }
        return String.join("/", parts);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }

    private static long size(byte[] h, String name) throws BundleException {
        if ((h[124] & 0x80) != 0) {
            throw new BundleException("refused: '" + name + "' declares a size beyond 8 GiB");
        }
        String s = string(h, 124, 12).trim();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            long v = Long.parseLong(s, 8);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BundleException("damaged archive: '" + name + "' has a bad size field");
        }
    }

    private static boolean checksumOk(byte[] h) {
        String s = string(h, 148, 8).trim();
        long want;
        try {
            want = Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            return false;
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : h[i];
            unsigned += b & 0xff;
            signed += (byte) b;
        }
        return want == unsigned || want == signed;
    }

    private static String string(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static boolean zero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads one whole block; false at a clean end of input, an exception when a block is cut. */
    private static boolean readBlock(InputStream in, byte[] h) throws IOException, BundleException {
        int n = in.readNBytes(h, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n != BLOCK) {
            throw new BundleException("the archive is cut short inside a header");
        }
        return true;
    }

    /** For callers that must tell a cut gzip stream from other I/O trouble. */
    static boolean isTruncation(IOException e) {
        return e instanceof EOFException || String.valueOf(e.getMessage()).contains("Unexpected end");
    }
}
