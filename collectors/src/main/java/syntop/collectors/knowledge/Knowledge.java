package syntop.collectors.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import syntop.collectors.model.OsFamily;

/**
 * The knowledge files behind {@code syntop explain}: entries by name, found by their name or any of
 * their other names, case-insensitively. The format is described in the resource
 * {@code syntop/knowledge/README.txt}: an entry starts with {@code [name]}, fields are
 * {@code field: text}, a line that starts with blanks continues the field above.
 */
public final class Knowledge {
    /** The files shipped with syntop, in the order entries are listed. */
    public static final List<String> BUILT_IN_FILES = List.of("tunables.txt", "counters.txt", "states.txt",
            "verdicts.txt");

    private static final String RESOURCE_DIR = "/syntop/knowledge/";
    private static final List<String> FIELDS = List.of("kind", "also", "what", "unit", "linux", "freebsd", "macos",
            "limits", "tradeoff", "source");

    private final Map<String, KnowledgeEntry> byName;
    private final Map<String, KnowledgeEntry> byAnyName;

    private Knowledge(Map<String, KnowledgeEntry> byName, Map<String, KnowledgeEntry> byAnyName) {
        this.byName = byName;
        this.byAnyName = byAnyName;
    }

    /** The entries shipped with syntop. */
    public static Knowledge builtIn() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String f : BUILT_IN_FILES) {
            try (InputStream in = Knowledge.class.getResourceAsStream(RESOURCE_DIR + f)) {
                if (in == null) {
                    throw new IllegalStateException("knowledge file missing from the build: " + f);
                }
                texts.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parse(texts);
    }

    /**
     * Parses knowledge files, file name to text. A malformed line, an unknown field, a missing
     * required field or a name claimed twice is an {@link IllegalArgumentException} naming file and line.
     */
    public static Knowledge parse(Map<String, String> files) {
        Map<String, KnowledgeEntry> byName = new LinkedHashMap<>();
        Map<String, KnowledgeEntry> byAnyName = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            for (KnowledgeEntry e : parseFile(f.getKey(), f.getValue())) {
                for (String n : names(e)) {
                    KnowledgeEntry before = byAnyName.putIfAbsent(key(n), e);
                    if (before != null) {
                        throw new IllegalArgumentException(f.getKey() + ": the name '" + n + "' of [" + e.name()
                                + "] is taken by [" + before.name() + "]");
                    }
                }
                byName.put(e.name(), e);
            }
        }
        return new Knowledge(byName, byAnyName);
    }

    private static List<KnowledgeEntry> parseFile(String file, String text) {
        List<KnowledgeEntry> out = new ArrayList<>();
        String name = null;
        int nameLine = 0;
        Map<String, StringBuilder> fields = new LinkedHashMap<>();
        String last = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = file + ":" + (i + 1);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.strip().endsWith("]") || line.strip().length() < 3) {
                    throw new IllegalArgumentException(where + ": an entry name is [name]: " + line);
                }
                if (name != null) {
                    out.add(entry(file + ":" + nameLine, name, fields));
                }
                name = line.strip().substring(1, line.strip().length() - 1).strip();
                nameLine = i + 1;
                fields = new LinkedHashMap<>();
                last = null;
            } else if (Character.isWhitespace(line.charAt(0))) {
                if (last == null) {
                    throw new IllegalArgumentException(where + ": a continuation line without a field above");
                }
                fields.get(last).append(' ').append(line.strip());
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? "" : line.substring(0, colon).strip();
                if (name == null || !FIELDS.contains(field)) {
                    throw new IllegalArgumentException(where + ": expected one of " + FIELDS + " inside an entry: "
                            + line);
                }
                if (fields.containsKey(field)) {
                    throw new IllegalArgumentException(where + ": field '" + field + "' given twice in [" + name + "]");
                }
                fields.put(field, new StringBuilder(line.substring(colon + 1).strip()));
                last = field;
            }
        }
        if (name != null) {
            out.add(entry(file + ":" + nameLine, name, fields));
        }
        return out;
    }

    private static KnowledgeEntry entry(String where, String name, Map<String, StringBuilder> fields) {
        for (String required : List.of("kind", "what", "unit", "source")) {
            if (fields.getOrDefault(required, new StringBuilder()).isEmpty()) {
                throw new IllegalArgumentException(where + ": [" + name + "] has no '" + required + "'");
            }
        }
        KnowledgeEntry.Kind kind;
        try {
            kind = KnowledgeEntry.Kind.valueOf(text(fields, "kind").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": [" + name + "] kind is one of tunable, counter, state, verdict");
        }
        Map<OsFamily, String> perOs = new EnumMap<>(OsFamily.class);
        for (OsFamily os : OsFamily.values()) {
            String v = text(fields, os.token());
            if (!v.isEmpty()) {
                perOs.put(os, v);
            } else if (kind == KnowledgeEntry.Kind.TUNABLE) {
                throw new IllegalArgumentException(where + ": tunable [" + name + "] says nothing for " + os.token()
                        + " (its default, or 'absent: ...')");
            }
        }
        List<String> also = new ArrayList<>();
        for (String a : text(fields, "also").split(",")) {
            if (!a.isBlank()) {
                also.add(a.strip());
            }
        }
        return new KnowledgeEntry(name, kind, also, text(fields, "what"), text(fields, "unit"), perOs,
                text(fields, "limits"), text(fields, "tradeoff"), text(fields, "source"));
    }

    private static String text(Map<String, StringBuilder> fields, String field) {
        StringBuilder b = fields.get(field);
        return b == null ? "" : b.toString().strip();
    }

    private static List<String> names(KnowledgeEntry e) {
        List<String> n = new ArrayList<>();
        n.add(e.name());
        n.addAll(e.also());
        return n;
    }

    /** Names match case-insensitively, and '-' matches '_' (ss prints SYN-RECV, the kernel SYN_RECV). */
    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** The entry filed under {@code name} or known by it as another name. */
    public Optional<KnowledgeEntry> find(String name) {
        return Optional.ofNullable(byAnyName.get(key(name)));
    }

    /** Every entry, in file order. */
    public Collection<KnowledgeEntry> entries() {
        return byName.values();
    }
}
