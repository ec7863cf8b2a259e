package syntop.exporter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An HTTP/1.x request head as {@code syntop serve} reads it (RFC 9112 section 2-5): the request
 * line and header fields, bounded, without the body. Header names are kept in lower case.
 */
record HttpRequest(String method, String rawPath, String rawQuery, String version, Map<String, List<String>> headers) {
    /** A request line longer than this gets 414. */
    static final int MAX_REQUEST_LINE = 8 * 1024;
    /** Header fields larger than this, or more than {@link #MAX_HEADER_LINES}, get 431. */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int MAX_HEADER_LINES = 100;
    /** Beyond this the head is not read to its end, and the connection is closed without an answer. */
    static final int MAX_READ = 64 * 1024;

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    HttpRequest {
        headers = Collections.unmodifiableMap(headers);
    }

    /** A request that cannot be served: answered with {@code status} when {@code answer}, else the connection is closed. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final boolean answer;

        Rejected(int status, String message, boolean answer) {
            super(message);
            this.status = status;
            this.answer = answer;
        }
    }

    Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** Whether the client asked to keep the connection open (HTTP/1.1 unless it says close; HTTP/1.0 never here). */
    boolean keepAlive() {
        if (!"HTTP/1.1".equals(version)) {
            return false;
        }
        for (String v : headers("connection")) {
            for (String option : v.split(",")) {
                if (option.strip().equalsIgnoreCase("close")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether a body follows the head: syntop never reads one, so such a connection is closed after the answer. */
    boolean hasBody() {
        return !headers("transfer-encoding").isEmpty()
                || headers("content-length").stream().anyMatch(v -> !v.strip().equals("0"));
    }

    /**
     * Reads one request head. Returns empty when the stream ends before its first byte (a client that
     * closed an idle connection).
     */
    static Optional<HttpRequest> read(InputStream in) throws IOException, Rejected {
        Counter count = new Counter();
        String line = readLine(in, count, MAX_REQUEST_LINE);
        if (line == null) {
            return Optional.empty();
        }
        while (line.isEmpty()) { // RFC 9112 section 2.2: ignore empty lines before the request line
            line = readLine(in, count, MAX_REQUEST_LINE);
            if (line == null) {
                return Optional.empty();
            }
        }
        if (line.length() > MAX_REQUEST_LINE) {
            throw new Rejected(414, "414 request line too long (at most " + MAX_REQUEST_LINE + " bytes)", true);
        }
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || !TOKEN.matcher(parts[0]).matches() || parts[1].isEmpty()) {
            throw new Rejected(400, "400 bad request line", true);
        }
        String version = parts[2];
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new Rejected(505, "505 only HTTP/1.0 and HTTP/1.1 are served", true);
        }
        String target = parts[1];
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        if (!target.startsWith("/")) {
            throw new Rejected(400, "400 bad request target", true);
        }
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);

        Map<String, List<String>> headers = new LinkedHashMap<>();
        int fieldBytes = 0;
        int lines = 0;
        boolean tooLarge = false;
        while (true) {
            String field = readLine(in, count, MAX_READ);
            if (field == null) {
                throw new Rejected(400, "the request ended inside its header", false);
            }
            if (field.isEmpty()) {
                break;
            }
            fieldBytes += field.length() + 2;
            lines++;
            if (fieldBytes > MAX_HEADER_BYTES || lines > MAX_HEADER_LINES) {
                tooLarge = true; // read on to the end of the head (up to MAX_READ) so the answer arrives
                continue;
            }
            int colon = field.indexOf(':');
            if (colon <= 0 || !TOKEN.matcher(field.substring(0, colon)).matches()) {
                throw new Rejected(400, "400 bad header field", true);
            }
            headers.computeIfAbsent(field.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(field.substring(colon + 1).strip());
        }
        if (tooLarge) {
            throw new Rejected(431, "431 request header fields too large (at most " + MAX_HEADER_BYTES + " bytes in "
                    + MAX_HEADER_LINES + " lines)", true);
        }
        if ("HTTP/1.1".equals(version) && !headers.containsKey("host")) {
            throw new Rejected(400, "400 an HTTP/1.1 request needs a Host header", true);
        }
        return Optional.of(new HttpRequest(parts[0], path, query, version, headers));
    }

    private static final class Counter {
        int read;
    }

    /**
     * One line without its CRLF (or bare LF); null at the end of the stream before any byte. Of a
     * line longer than {@code max} bytes, only {@code max + 1} are kept (enough to tell); past
     * {@link #MAX_READ} bytes of head in all, the request is rejected without an answer.
     */
    private static String readLine(InputStream in, Counter count, int max) throws IOException, Rejected {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        boolean any = false;
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (!any) {
                    return null;
                }
                throw new Rejected(400, "the request ended inside a line", false);
            }
            any = true;
            if (++count.read > MAX_READ) {
                throw new Rejected(431, "the request head is larger than " + MAX_READ + " bytes", false);
            }
            if (c == '\n') {
                break;
            }
            if (b.size() <= max) {
                b.write(c);
            }
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
