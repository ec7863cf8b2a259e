package syntop.collectors.bundle;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * A capture bundle held in memory: the name of its directory and its files by relative path
 * ({@code manifest.json}, {@code cmd/ss-ltn.txt}, {@code proc/net/tcp}, {@code samples/2/…}).
 * It is read whole, checked and limited before anything is used or written, so a broken or hostile
 * archive is refused before a single file lands on disk, and a written bundle contains nothing but
 * these files under one directory.
 */
public final class Bundle {
    private final String name;
    private final SortedMap<String, byte[]> files;

    public Bundle(String name, Map<String, byte[]> files) {
        if (name.isEmpty() || name.contains("/") || name.equals("..") || name.equals(".")) {
            throw new IllegalArgumentException("bad bundle name: " + name);
        }
        this.name = name;
        this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** The bundle's directory name (also the top directory inside its archive). */
    public String name() {
        return name;
    }

    public SortedMap<String, byte[]> files() {
        return files;
    }

    public Optional<byte[]> file(String relative) {
        return Optional.ofNullable(files.get(relative));
    }

    public long totalBytes() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    public Manifest manifest() throws BundleException {
        byte[] m = files.get(Manifest.FILE);
        if (m == null) {
            throw new BundleException("no manifest.json: not a syntop capture bundle");
        }
        return Manifest.parse(new String(m, StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- reading

    /** Reads a bundle from a {@code .tar.gz} file or a directory. */
    public static Bundle read(Path path, Limits limits) throws BundleException {
        if (Files.isDirectory(path)) {
            try {
                return readDirectory(path.toRealPath(), limits);
            } catch (IOException e) {
                throw new BundleException(path + ": " + e.getMessage(), e);
            }
        }
        if (!Files.isRegularFile(path)) {
            throw new BundleException(path + ": no such bundle (a .tar.gz file or a directory)");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return readTarGz(in, limits, path.getFileName().toString());
        } catch (IOException e) {
            throw new BundleException(path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a gzip-compressed ustar archive whose one top directory holds {@code manifest.json}. */
    public static Bundle readTarGz(InputStream raw, Limits limits, String label) throws BundleException {
        List<Ustar.Entry> entries;
        try {
            GZIPInputStream gz;
            try {
                gz = new GZIPInputStream(raw, 65536);
            } catch (ZipException e) {
                throw new BundleException(label + " is not a gzip file (" + e.getMessage() + ")");
            } catch (EOFException e) {
                throw new BundleException(label + " is cut short: not even a gzip header");
            }
            InputStream limited = new CappedInputStream(gz, limits.maxTotalBytes() + 64L * limits.maxEntries() * Ustar.BLOCK);
            entries = Ustar.read(limited, limits);
            // read to the end, so a damaged or cut gzip trailer (the checksum) is noticed too
            byte[] sink = new byte[8192];
            while (limited.read(sink) > 0) {
                // trailing padding: read and dropped
            }
        } catch (BundleException e) {
            throw new BundleException(label + ": " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new BundleException(label + " is cut short (the compressed data ends too early)", e);
        } catch (ZipException e) {
            throw new BundleException(label + " has damaged compressed data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            if (Ustar.isTruncation(e)) {
                throw new BundleException(label + " is cut short (the compressed data ends too early)", e);
            }
            throw new BundleException(label + ": " + e.getMessage(), e);
        }
        return fromEntries(entries, label);
    }

    private static Bundle fromEntries(List<Ustar.Entry> entries, String label) throws BundleException {
        TreeSet<String> tops = new TreeSet<>();
        for (Ustar.Entry e : entries) {
            if (!e.name().isEmpty()) {
                tops.add(e.name().split("/", 2)[0]);
            }
        }
        boolean flat = entries.stream().anyMatch(e -> !e.directory() && e.name().equals(Manifest.FILE));
        String top;
        if (tops.size() == 1 && !flat) {
            top = tops.first();
        } else if (flat) {
            top = label.replaceFirst("\\.(tar\\.gz|tgz)$", "");
        } else {
            throw new BundleException(label + ": not a syntop capture bundle (expected one directory with a manifest.json)");
        }
        String prefix = flat ? "" : top + "/";
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (Ustar.Entry e : entries) {
            if (e.directory()) {
                continue;
            }
            if (!e.name().startsWith(prefix)) {
                throw new BundleException(label + ": '" + e.name() + "' lies outside the bundle's directory");
            }
            files.put(e.name().substring(prefix.length()), e.data());
        }
        if (!files.containsKey(Manifest.FILE)) {
            throw new BundleException(label + ": no manifest.json: not a syntop capture bundle");
        }
        try {
            return new Bundle(safeDirName(top), files);
        } catch (IllegalArgumentException e) {
            throw new BundleException(label + ": bad bundle directory name '" + top + "'");
        }
    }

    private static String safeDirName(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return t.isEmpty() || t.equals(".") || t.equals("..") ? "capture" : t;
    }

    /** Reads a bundle directory: regular files only (a symbolic link inside is refused), within the limits. */
    static Bundle readDirectory(Path dir, Limits limits) throws BundleException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        long total = 0;
        List<Path> paths;
        try (Stream<Path> s = Files.walk(dir)) {
            paths = s.limit(limits.maxEntries() + 2L).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BundleException(dir + ": cannot list the bundle: " + e.getMessage(), e);
        }
        if (paths.size() > limits.maxEntries() + 1) {
            throw new BundleException(dir + ": refused: more than " + limits.maxEntries() + " entries");
        }
        for (Path p : paths) {
            if (p.equals(dir)) {
                continue;
            }
            String rel = dir.relativize(p).toString().replace('\\', '/');
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new BundleException(dir + ": cannot read " + rel + ": " + e.getMessage(), e);
            }
            if (a.isSymbolicLink()) {
                throw new BundleException(dir + ": refused: '" + rel + "' is a symbolic link");
            }
            if (a.isDirectory()) {
                continue;
            }
            if (!a.isRegularFile()) {
                throw new BundleException(dir + ": refused: '" + rel + "' is not a regular file");
            }
            if (a.size() > limits.maxFileBytes()) {
                throw new BundleException(dir + ": refused: '" + rel + "' is " + a.size() + " bytes, more than the limit of "
                        + limits.maxFileBytes());
            }
            total += a.size();
            if (total > limits.maxTotalBytes()) {
                throw new BundleException(dir + ": refused: the files add up to more than " + limits.maxTotalBytes() + " bytes");
            }
            try {
                files.put(rel, Files.readAllBytes(p));
            } catch (IOException e) {
                throw new BundleException(dir + ": cannot read " + rel + ": " + e.getMessage(), e);
            }
        }
        if (!files.containsKey(Manifest.FILE)) {
            throw new BundleException(dir + ": no manifest.json: not a syntop capture bundle");
        }
        Path fn = dir.toAbsolutePath().normalize().getFileName();
        return new Bundle(safeDirName(fn == null ? "capture" : fn.toString()), files);
    }

    // ---------------------------------------------------------------- writing

    /** Writes {@code file} (which must not exist yet) as a gzip-compressed ustar archive under one top directory. */
    public void writeTarGz(Path file, long mtimeSeconds) throws BundleException {
        List<Ustar.Entry> entries = new ArrayList<>();
        entries.add(Ustar.Entry.directory(name));
        TreeSet<String> dirs = new TreeSet<>();
        for (String f : files.keySet()) {
            for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) {
                dirs.add(f.substring(0, i));
            }
        }
        // each directory before what is in it: parents sort before their children
        for (String d : dirs) {
            entries.add(Ustar.Entry.directory(name + "/" + d));
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            entries.add(Ustar.Entry.file(name + "/" + e.getKey(), e.getValue()));
        }
        boolean created = false;
        try (OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            created = true;
            try (GZIPOutputStream gz = new GZIPOutputStream(new BufferedOutputStream(raw, 65536))) {
                Ustar.write(gz, entries, mtimeSeconds);
            }
        } catch (FileAlreadyExistsException e) {
            throw new BundleException(file + " exists already; give another name with -o");
        } catch (IOException e) {
            if (created) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the first error is the one to report
                }
            }
            throw new BundleException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the files under {@code dir}, which must be missing or empty. Every path is checked to stay
     * inside it; nothing is written anywhere else.
     */
    public void writeDirectory(Path dir) throws BundleException {
        Path root = dir.toAbsolutePath().normalize();
        try {
            if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                    throw new BundleException(dir + " exists and is not a directory");
                }
                try (Stream<Path> s = Files.list(root)) {
                    if (s.findAny().isPresent()) {
                        throw new BundleException(dir + " exists and is not empty; give an empty or new directory");
                    }
                }
            } else {
                Files.createDirectories(root);
            }
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                String rel = Ustar.safeName(e.getKey());
                Path target = root.resolve(rel).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new BundleException("refused: '" + e.getKey() + "' would land outside " + dir);
                }
                Files.createDirectories(target.getParent());
                if (!target.getParent().toRealPath().startsWith(root.toRealPath())) {
                    throw new BundleException("refused: '" + e.getKey() + "' would land outside " + dir);
                }
                Files.write(target, e.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
            throw new BundleException("cannot write " + dir + ": " + e.getFile() + " exists", e);
        } catch (NoSuchFileException e) {
            throw new BundleException("cannot write " + dir + ": " + e.getFile() + " does not exist", e);
        } catch (IOException e) {
            throw new BundleException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Stops reading past a byte count, so a small archive cannot inflate without end. */
    private static final class CappedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        CappedInputStream(InputStream in, long cap) {
            this.in = in;
            this.left = cap;
        }

        @Override
        public int read() throws IOException {
            byte[] b = new byte[1];
            int n = read(b, 0, 1);
            return n <= 0 ? -1 : b[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException("refused: the archive inflates to more than the size limit");
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
