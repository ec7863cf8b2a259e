package syntop.collectors.action;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where profiles come from: {@code NAME.conf} files in the profile directories (the user's first,
 * then the system's, {@code ~/.config/syntop/profiles} and {@code /etc/syntop/profiles}), then the
 * built-ins shipped for this OS. A name found earlier hides the same name later. A profile can also
 * be given as a path. As root, every file read passes {@link FileTrust} first.
 */
public final class ProfileCatalog {
    /** Largest profile file read. */
    public static final long MAX_BYTES = 64 * 1024;
    public static final String BUILT_IN = "built-in";

    /** A profile's name and where it comes from. */
    public record Ref(String name, String origin, Optional<Path> path) {
    }

    private final Interventions os;
    private final List<Path> dirs;
    private final Identity identity;

    public ProfileCatalog(Interventions os, List<Path> dirs, Identity identity) {
        this.os = os;
        this.dirs = List.copyOf(dirs);
        this.identity = identity;
    }

    /** Every profile by name, the first found for each name. */
    public List<Ref> list() {
        Map<String, Ref> byName = new LinkedHashMap<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.conf")) {
                ds.forEach(files::add);
            } catch (IOException e) {
                continue;
            }
            files.sort(null);
            for (Path f : files) {
                String name = baseName(f);
                if (name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") && Files.isRegularFile(f)) {
                    byName.putIfAbsent(name, new Ref(name, f.toString(), Optional.of(f)));
                }
            }
        }
        for (String b : os.builtinProfiles()) {
            byName.putIfAbsent(b, new Ref(b, BUILT_IN, Optional.empty()));
        }
        return List.copyOf(byName.values());
    }

    /** A profile by name, or by path when the argument has a '/' or ends in {@code .conf}. */
    public Profile load(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw ActionRefused.invalid("a profile name or file is needed");
        }
        String arg = nameOrPath.strip();
        if (arg.indexOf('/') >= 0 || arg.endsWith(".conf")) {
            Path p = Path.of(arg);
            if (!Files.exists(p)) {
                throw new ActionRefused(ActionRefused.Reason.NOTHING_TO_DO, "no profile file " + arg);
            }
            return loadFile(p);
        }
        String name = Inputs.profileName(arg);
        for (Ref r : list()) {
            if (r.name().equals(name)) {
                return r.path().isPresent() ? loadFile(r.path().get()) : loadBuiltin(name);
            }
        }
        throw new ActionRefused(ActionRefused.Reason.NOTHING_TO_DO, "no profile " + name + "; known: "
                + String.join(", ", list().stream().map(Ref::name).toList()));
    }

    /**
     * Reads a profile file: the link resolved and the target checked (a regular file of at most
     * {@link #MAX_BYTES}, trusted by {@link FileTrust}, and, as root, a file others may read too or
     * one of the sudo user's: profiles hold no secrets, so a file only root may read, such as
     * /etc/shadow, is not one). Exactly what was checked is what is read.
     */
    private Profile loadFile(Path p) {
        String name = baseName(p);
        Inputs.profileName(name);
        try {
            Path real = p.toRealPath();
            if (!Files.isRegularFile(real, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new ActionRefused(ActionRefused.Reason.UNSAFE_FILE, "profile " + p + " is not a regular file");
            }
            if (Files.size(real) > MAX_BYTES) {
                throw ActionRefused.invalid("profile " + p + " is larger than " + MAX_BYTES + " bytes");
            }
            FileTrust.check(real, identity);
            checkNotSecret(p, real);
            byte[] bytes;
            try (InputStream in = Files.newInputStream(real, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw ActionRefused.invalid("profile " + p + " is larger than " + MAX_BYTES + " bytes");
            }
            return Profile.parse(name, p.toString(), new String(bytes, StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new ActionRefused(ActionRefused.Reason.NOTHING_TO_DO, "cannot read profile " + p + ": " + e.getMessage());
        }
    }

    private void checkNotSecret(Path asked, Path real) throws IOException {
        if (!identity.isRoot()) {
            return; // the user reads only what they may read anyway
        }
        int mode = (Integer) Files.getAttribute(real, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        int uid = (Integer) Files.getAttribute(real, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        boolean sudoUsers = identity.sudoUid().isPresent() && uid == identity.sudoUid().getAsInt();
        if ((mode & 04) == 0 && !sudoUsers) {
            throw new ActionRefused(ActionRefused.Reason.UNSAFE_FILE, "refusing " + asked + (asked.equals(real) ? "" : " (" + real + ")")
                    + " as root: others may not read it, so it may hold secrets; a profile holds none (chmod o+r to use it)");
        }
    }

    private Profile loadBuiltin(String name) {
        String res = os.builtinResource(name);
        try (InputStream in = ProfileCatalog.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("built-in profile missing from the jar: " + res);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Profile.parse(name, BUILT_IN, text.lines().toList());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in profile " + res, e);
        }
    }

    private static String baseName(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".conf") ? n.substring(0, n.length() - 5) : n;
    }
}
