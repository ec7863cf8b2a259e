package syntop.exporter;

import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The web configuration file of {@code syntop serve --web-config FILE}, in the shape Prometheus'
 * exporters read (exporter-toolkit):
 *
 * <pre>
 * tls_server_config:
 *   cert_file: server.crt      # PEM certificate (chain), relative to this file
 *   key_file: server.key       # PEM private key (PKCS#8, or PKCS#1 RSA), unencrypted
 * basic_auth_users:
 *   prometheus: $2y$10$...     # bcrypt hash, as htpasswd -B makes
 * </pre>
 *
 * <p>Only that subset of YAML is read, strictly: two top-level mappings of plain or quoted
 * scalars, two-level nesting, {@code #} comments, an optional {@code ---} first line. Anything else
 * (unknown keys, settings of exporter-toolkit that syntop does not support, tabs, deeper nesting,
 * flow or block collections, anchors, duplicates) is an error naming the line.
 */
public record WebConfig(Optional<Tls> tls, Map<String, String> users) {
    public WebConfig {
        users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
    }

    /** Certificate and key files, already resolved against the configuration file's folder. */
    public record Tls(Path certFile, Path keyFile) {
    }

    public static final WebConfig NONE = new WebConfig(Optional.empty(), Map.of());
    /** Larger files are refused unread: a web configuration is a few lines, even with a thousand users. */
    static final int MAX_BYTES = 256 * 1024;

    private static final Set<String> TOOLKIT_TLS_KEYS = Set.of("client_auth_type", "client_ca_file", "cipher_suites",
            "curve_preferences", "min_version", "max_version", "prefer_server_cipher_suites", "client_allowed_sans",
            "cert", "key");
    private static final Set<String> TOOLKIT_TOP_KEYS = Set.of("http_server_config", "rate_limit");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[abxy]?\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@-]*");

    public boolean hasTls() {
        return tls.isPresent();
    }

    public boolean hasBasicAuth() {
        return !users.isEmpty();
    }

    /**
     * What an operator who gave {@code file} should hear before serving with it. An empty file is
     * valid, as it is for exporter-toolkit (which then logs "TLS is disabled" and serves plain HTTP
     * without passwords); but whoever passed a web configuration meant to protect the port, so
     * syntop says plainly that it does not.
     */
    public List<String> warnings(Path file) {
        if (!hasTls() && !hasBasicAuth()) {
            return List.of("web config " + file + " sets neither tls_server_config nor basic_auth_users: serving plain "
                    + "HTTP, without a password, to anyone who can reach the port");
        }
        if (!hasTls()) {
            return List.of("web config " + file + " has basic_auth_users but no tls_server_config: passwords cross the "
                    + "network in clear text");
        }
        return List.of();
    }

    /** Reads and checks a web configuration file; the message of the exception names the file and line. */
    public static WebConfig load(Path file) throws ServeException {
        byte[] bytes = BoundedFile.read(file, MAX_BYTES, "", "web config", "a web configuration is a few lines");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw bad(file, "it is not UTF-8 text");
        }
        return parse(text, file);
    }

    /** Parses the text of a web configuration; relative paths are resolved against {@code file}'s folder. */
    public static WebConfig parse(String text, Path file) throws ServeException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Path dir = file.toAbsolutePath().getParent();
        Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();
        Map<String, Integer> sectionLines = new LinkedHashMap<>();
        String current = null;
        int childIndent = -1;
        boolean seenContent = false;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int no = i + 1;
            String raw = lines.get(i);
            String line = stripComment(raw, file, no);
            if (line.isBlank()) {
                continue;
            }
            if (line.strip().equals("---")) {
                if (seenContent || !raw.startsWith("---")) {
                    throw bad(file, no, "a second YAML document ('---') is not supported");
                }
                seenContent = true;
                continue;
            }
            seenContent = true;
            int indent = indentOf(line, file, no);
            String body = line.substring(indent).stripTrailing();
            if (body.startsWith("- ") || body.equals("-")) {
                throw bad(file, no, "lists are not used in a web configuration");
            }
            int colon = keyEnd(body, file, no);
            String key = unquoteKey(body.substring(0, colon), file, no);
            String rest = body.substring(colon + 1).strip();
            if (indent == 0) {
                if (!key.equals("tls_server_config") && !key.equals("basic_auth_users")) {
                    if (TOOLKIT_TOP_KEYS.contains(key)) {
                        throw bad(file, no, "'" + key + "' is an exporter-toolkit setting that syntop serve does not "
                                + "support (it reads tls_server_config and basic_auth_users)");
                    }
                    throw bad(file, no, "unknown key '" + key + "' (expected tls_server_config or basic_auth_users)");
                }
                if (sections.containsKey(key)) {
                    throw bad(file, no, "'" + key + "' appears twice (first on line " + sectionLines.get(key) + ")");
                }
                sections.put(key, new LinkedHashMap<>());
                sectionLines.put(key, no);
                if (!rest.isEmpty() && !rest.equals("{}") && !rest.equals("~") && !rest.equals("null")) {
                    throw bad(file, no, "'" + key + "' must be a mapping (its entries indented on the lines below)");
                }
                current = rest.isEmpty() ? key : null;
                childIndent = -1;
                continue;
            }
            if (current == null) {
                throw bad(file, no, "unexpected indentation (this line belongs to no mapping)");
            }
            if (childIndent < 0) {
                childIndent = indent;
            } else if (indent != childIndent) {
                throw bad(file, no, indent > childIndent
                        ? "nested mappings are not supported here (indented deeper than the line before)"
                        : "inconsistent indentation (expected " + childIndent + " spaces)");
            }
            if (rest.isEmpty()) {
                throw bad(file, no, "'" + key + "' has no value");
            }
            String value = scalar(rest, file, no);
            Map<String, Entry> section = sections.get(current);
            if (section.containsKey(key)) {
                throw bad(file, no, "'" + key + "' appears twice in " + current + " (first on line "
                        + section.get(key).line + ")");
            }
            section.put(key, new Entry(value, no));
        }
        Optional<Tls> tls = Optional.empty();
        if (sections.containsKey("tls_server_config")) {
            Map<String, Entry> t = sections.get("tls_server_config");
            for (Map.Entry<String, Entry> e : t.entrySet()) {
                String k = e.getKey();
                if (!k.equals("cert_file") && !k.equals("key_file")) {
                    if (TOOLKIT_TLS_KEYS.contains(k)) {
                        throw bad(file, e.getValue().line, "tls_server_config." + k + " is an exporter-toolkit setting "
                                + "that syntop serve does not support (it reads cert_file and key_file)");
                    }
                    throw bad(file, e.getValue().line, "unknown key tls_server_config." + k
                            + " (expected cert_file and key_file)");
                }
            }
            int line = sectionLines.get("tls_server_config");
            if (t.isEmpty()) {
                throw bad(file, line, "tls_server_config is empty: give cert_file and key_file, or leave it out");
            }
            if (!t.containsKey("cert_file") || !t.containsKey("key_file")) {
                throw bad(file, line, "tls_server_config needs both cert_file and key_file");
            }
            tls = Optional.of(new Tls(resolve(dir, t.get("cert_file"), file), resolve(dir, t.get("key_file"), file)));
        }
        Map<String, String> users = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> e : sections.getOrDefault("basic_auth_users", Map.of()).entrySet()) {
            if (e.getKey().isEmpty()) {
                throw bad(file, e.getValue().line, "a user name cannot be empty");
            }
            if (e.getKey().indexOf(':') >= 0) {
                throw bad(file, e.getValue().line, "a user name cannot contain ':' (HTTP basic authentication splits on it)");
            }
            if (!BCRYPT.matcher(e.getValue().value).matches()) {
                throw bad(file, e.getValue().line, "the password of user '" + e.getKey() + "' is not a bcrypt hash "
                        + "($2y$10$ followed by 53 characters; make one with: htpasswd -nBC 10 \"\" | tr -d ':\\n')");
            }
            users.put(e.getKey(), e.getValue().value);
        }
        return new WebConfig(tls, users);
    }

    private record Entry(String value, int line) {
    }

    private static Path resolve(Path dir, Entry e, Path file) throws ServeException {
        if (e.value.isEmpty()) {
            throw bad(file, e.line, "the path is empty");
        }
        Path p = Path.of(e.value);
        return p.isAbsolute() || dir == null ? p : dir.resolve(p);
    }

    /** The line without a trailing {@code # comment} (a '#' at the start or after a blank, outside quotes). */
    private static String stripComment(String line, Path file, int no) throws ServeException {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                if (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == ':') {
                    quote = c;
                }
            } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static int indentOf(String line, Path file, int no) throws ServeException {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            if (line.charAt(i) == '\t') {
                throw bad(file, no, "a tab in the indentation (YAML allows spaces only)");
            }
            i++;
        }
        return i;
    }

    /** Index of the ':' that ends the key (followed by a blank or the end of the line). */
    private static int keyEnd(String body, Path file, int no) throws ServeException {
        if (body.startsWith("\"") || body.startsWith("'")) {
            char q = body.charAt(0);
            int close = body.indexOf(q, 1);
            if (close < 0 || close + 1 >= body.length() || body.charAt(close + 1) != ':') {
                throw bad(file, no, "expected 'key: value'");
            }
            return close + 1;
        }
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == ':' && (i + 1 == body.length() || body.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        throw bad(file, no, "expected 'key: value'");
    }

    private static String unquoteKey(String key, Path file, int no) throws ServeException {
        if (key.startsWith("\"") || key.startsWith("'")) {
            return scalar(key, file, no);
        }
        if (!PLAIN_KEY.matcher(key).matches()) {
            throw bad(file, no, "'" + key + "' is not a key syntop understands (quote unusual user names)");
        }
        return key;
    }

    /** A plain, single-quoted or double-quoted scalar. */
    private static String scalar(String s, Path file, int no) throws ServeException {
        char first = s.charAt(0);
        if (first == '\'') {
            StringBuilder b = new StringBuilder();
            int i = 1;
            while (true) {
                if (i >= s.length()) {
                    throw bad(file, no, "unterminated single-quoted string");
                }
                char c = s.charAt(i);
                if (c == '\'') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                        b.append('\'');
                        i += 2;
                        continue;
                    }
                    if (i + 1 != s.length()) {
                        throw bad(file, no, "text after the closing quote");
                    }
                    return b.toString();
                }
                b.append(c);
                i++;
            }
        }
        if (first == '"') {
            StringBuilder b = new StringBuilder();
            int i = 1;
            while (true) {
                if (i >= s.length()) {
                    throw bad(file, no, "unterminated double-quoted string");
                }
                char c = s.charAt(i);
                if (c == '"') {
                    if (i + 1 != s.length()) {
                        throw bad(file, no, "text after the closing quote");
                    }
                    return b.toString();
                }
                if (c == '\\') {
                    if (i + 1 >= s.length()) {
                        throw bad(file, no, "unterminated double-quoted string");
                    }
                    char n = s.charAt(i + 1);
                    if (n == '"' || n == '\\' || n == '/') {
                        b.append(n);
                    } else {
                        throw bad(file, no, "the escape \\" + n + " is not supported here");
                    }
                    i += 2;
                    continue;
                }
                b.append(c);
                i++;
            }
        }
        if (s.contains(": ") || s.endsWith(":")) {
            throw bad(file, no, "'" + s + "': a value cannot hold ': ' unless it is quoted");
        }
        if ("{[&*!|>%@`".indexOf(first) >= 0) {
            throw bad(file, no, "'" + s + "': flow collections, anchors, tags and block scalars are not supported; "
                    + "quote the value");
        }
        return s;
    }

    private static ServeException bad(Path file, String why) {
        return new ServeException("web config " + file + ": " + why, true);
    }

    private static ServeException bad(Path file, int line, String why) {
        return new ServeException("web config " + file + ": line " + line + ": " + why, true);
    }
}
