package syntop.exporter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Small HTTP helpers for the server tests: a real client, and raw sockets for misbehaving ones. */
final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        return send(CLIENT, "GET", url, headers);
    }

    static HttpResponse<String> send(HttpClient client, String method, String url, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What a raw exchange gave: the bytes read until the server closed (or the timeout), and how long it took. */
    record Raw(String response, boolean closedByServer, long millis) {
        String statusLine() {
            int nl = response.indexOf("\r\n");
            return nl < 0 ? response : response.substring(0, nl);
        }
    }

    /** Sends bytes (ignoring a reset while sending) and reads until the server closes or {@code timeout} passes. */
    static Raw raw(InetSocketAddress to, byte[] request, Duration timeout) throws IOException {
        return raw(null, to, request, timeout);
    }

    /** {@link #raw(InetSocketAddress, byte[], Duration)} from {@code source}, a loopback address of this host. */
    static Raw raw(InetAddress source, InetSocketAddress to, byte[] request, Duration timeout) throws IOException {
        long t0 = System.nanoTime();
        try (Socket s = new Socket()) {
            if (source != null) {
                s.bind(new InetSocketAddress(source, 0));
            }
            s.connect(to, 5000);
            s.setSoTimeout((int) timeout.toMillis());
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server may close while we still send: what it answered is read below
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            boolean closed = false;
            try {
                InputStream in = s.getInputStream();
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    got.write(buf, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (IOException e) {
                closed = true; // reset by the server
            }
            return new Raw(got.toString(StandardCharsets.ISO_8859_1), closed, (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
