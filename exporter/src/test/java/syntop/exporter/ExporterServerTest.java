package syntop.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import syntop.collectors.model.OsFamily;

/** The HTTP side against good and bad clients; after each misbehaviour the exporter must still answer a scrape. */
class ExporterServerTest {
    private ExporterServer server;
    private String base;

    /** The production limits with times short enough for a quick test. */
    static final ExporterServer.Limits QUICK = new ExporterServer.Limits(Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofSeconds(5), 32, 8, 8, 5, Duration.ofSeconds(2));

    @BeforeEach
    void start() throws ServeException {
        server = ExporterServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                FixtureSnapshots.state(OsFamily.LINUX, 100).registry(), WebConfig.NONE, QUICK);
        base = "http://127.0.0.1:" + server.address().getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void stillServes() throws Exception {
        HttpResponse<String> r = Http.get(base + "/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("syntop_tcp_connections{state=\"syn_rcvd\"} 129.0"), r.body());
    }

    @Test
    void prometheusTextByDefaultAndOpenMetricsWhenAsked() throws Exception {
        HttpResponse<String> text = Http.get(base + "/metrics");
        assertEquals(200, text.statusCode());
        assertTrue(text.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                text.headers().toString());
        assertFalse(text.body().contains("# EOF"));
        HttpResponse<String> om = Http.get(base + "/metrics", "Accept",
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        assertEquals(200, om.statusCode());
        assertTrue(om.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"),
                om.headers().toString());
        assertTrue(om.body().endsWith("# EOF\n"));
        assertTrue(om.body().contains("# TYPE syntop_listen_drops counter"), om.body());
        assertEquals(server.metricsUrl(), base + "/metrics");
    }

    @Test
    void everyOtherPathIsNotFoundAndOnlyGetAndHeadAreAllowed() throws Exception {
        for (String path : List.of("/metricsX", "/metrics/", "/metrics/x", "/foo", "/-/reload", "/debug/pprof",
                "/%2e%2e/etc/passwd")) {
            HttpResponse<String> r = Http.get(base + path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.body().contains("syntop serves /metrics"), r.body());
        }
        assertEquals(200, Http.get(base + "/").statusCode());
        assertEquals("OK\n", Http.get(base + "/-/healthy").body());
        HttpResponse<String> post = Http.send(Http.CLIENT, "POST", base + "/metrics");
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
        assertEquals(405, Http.send(Http.CLIENT, "DELETE", base + "/").statusCode());
        assertEquals(200, Http.send(Http.CLIENT, "HEAD", base + "/metrics").statusCode());
        stillServes();
    }

    @Test
    void aLargeHeaderGets431AndAHugeOneIsCutOff() throws Exception {
        InetSocketAddress to = server.address();
        String big = "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: " + "a".repeat(30_000) + "\r\n\r\n";
        Http.Raw r = Http.raw(to, big.getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(5));
        assertTrue(r.statusLine().startsWith("HTTP/1.1 431"), r.statusLine());

        String huge = "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(1_000_000) + "\r\n\r\n";
        r = Http.raw(to, huge.getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(5));
        assertTrue(r.closedByServer(), "the server should close the connection");
        assertFalse(r.response().contains("200 OK"), r.response());

        StringBuilder many = new StringBuilder("GET /metrics HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 500; i++) {
            many.append("X-").append(i).append(": y\r\n");
        }
        r = Http.raw(to, (many + "\r\n").getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(5));
        assertTrue(r.closedByServer());
        assertFalse(r.response().contains("200 OK"), r.response());
        stillServes();
    }

    @Test
    void aSlowClientIsCutOffAndDoesNotHoldScrapes() throws Exception {
        // the head must arrive within QUICK's 2 s (production: 10 s)
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) { // fewer than one client may hold, so that its own scrape gets in
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
                s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            long t0 = System.nanoTime();
            stillServes();
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "a scrape waited for slow clients");
            Socket s = slow.get(0);
            s.setSoTimeout(10_000);
            long t1 = System.nanoTime();
            int got;
            try {
                got = s.getInputStream().read();
            } catch (IOException e) {
                got = -1;
            }
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
            assertEquals(-1, got, "the slow client should be disconnected, not answered");
            assertTrue(waited < 8_000, "cut off after " + waited + " ms");
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        stillServes();
    }

    /** Connects from {@code source} (a loopback address of this host) and sends {@code bytes}. */
    private Socket connectFrom(String source, InetSocketAddress to, String bytes) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        try {
            s.connect(to, 5000);
            s.getOutputStream().write(bytes.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // refused (reset) already, perhaps before connect returned: closedByServer tells
        }
        return s;
    }

    /** Whether the server has closed {@code s} (end of stream or reset) rather than kept it open for {@code millis}. */
    private static boolean closedByServer(Socket s, int millis) throws IOException {
        try {
            s.setSoTimeout(millis);
            return s.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static String scrapeFrom(String source, InetSocketAddress to) throws IOException {
        return Http.raw(InetAddress.getByName(source), to, "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(10)).response();
    }

    @Test
    void oneClientHoldsAtMostEightConnectionsAndAnotherStillScrapes() throws Exception {
        // a long head deadline, so that every connection the server keeps stays open for the whole test
        ExporterServer.Limits patient = new ExporterServer.Limits(Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(60), 32, 8, 8, 5, Duration.ofSeconds(2));
        List<Socket> idle = new ArrayList<>();
        try (ExporterServer s = ExporterServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                FixtureSnapshots.state(OsFamily.LINUX, 100).registry(), WebConfig.NONE, patient)) {
            for (int i = 0; i < 100; i++) {
                idle.add(connectFrom("127.0.0.2", s.address(), i % 2 == 0 ? "" : "GET /metrics HTTP/1.1\r\nX-Slow: "));
            }
            String scrape = scrapeFrom("127.0.0.3", s.address());
            assertTrue(scrape.startsWith("HTTP/1.1 200 OK"), scrape.lines().findFirst().orElse(""));
            assertTrue(scrape.contains("syntop_tcp_connections{state=\"syn_rcvd\"} 129.0"));
            // the scrape was accepted after the 100 (one accept queue, in order): each one is decided by now
            int kept = 0;
            for (Socket i : idle) {
                kept += closedByServer(i, 200) ? 0 : 1;
            }
            assertEquals(8, kept, "connections the server kept open for 127.0.0.2");
        } finally {
            for (Socket i : idle) {
                i.close();
            }
        }
    }

    @Test
    void theLastSlotsAreKeptForAClientThatHoldsNone() throws Exception {
        // 16 connections, 4 a client, the last 4 only for newcomers
        ExporterServer.Limits small = new ExporterServer.Limits(Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(60), 16, 4, 4, 5, Duration.ofSeconds(2));
        List<Socket> held = new ArrayList<>();
        try (ExporterServer s = ExporterServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                FixtureSnapshots.state(OsFamily.LINUX, 100).registry(), WebConfig.NONE, small)) {
            for (int client = 2; client <= 5; client++) {
                for (int i = 0; i < 4; i++) {
                    held.add(connectFrom("127.0.0.1" + client, s.address(), ""));
                }
            }
            String scrape = scrapeFrom("127.0.0.99", s.address());
            assertTrue(scrape.startsWith("HTTP/1.1 200 OK"), scrape.lines().findFirst().orElse(""));
            int kept = 0;
            for (Socket h : held) {
                kept += closedByServer(h, 200) ? 0 : 1;
            }
            // three clients take their 4 each (12 = 16 - 4 reserved); the fourth gets one reserved slot
            assertEquals(13, kept);
        } finally {
            for (Socket h : held) {
                h.close();
            }
        }
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        try (Socket s = connectFrom("127.0.0.1", server.address(), "")) {
            s.setSoTimeout(10_000);
            var out = s.getOutputStream();
            var in = new java.io.DataInputStream(new java.io.BufferedInputStream(s.getInputStream()));
            for (int i = 0; i < 3; i++) {
                out.write("GET /-/healthy HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    head.append((char) in.readUnsignedByte());
                }
                assertTrue(head.toString().startsWith("HTTP/1.1 200 OK\r\n"), head.toString());
                assertTrue(head.toString().contains("Content-Length: 3\r\n"), head.toString());
                assertFalse(head.toString().contains("Connection: close"), head.toString());
                byte[] body = new byte[3];
                in.readFully(body);
                assertEquals("OK\n", new String(body, StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void aSecondInstanceOnTheSamePortSaysWhyAndTheFirstKeepsServing() throws Exception {
        ServeException e = assertThrows(ServeException.class, () -> ExporterServer.start(server.address(),
                new PrometheusRegistry(), WebConfig.NONE));
        assertFalse(e.isUsage());
        assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + server.address().getPort()), e.getMessage());
        assertTrue(e.getMessage().contains("already in use"), e.getMessage());
        stillServes();
    }

    @Test
    void atMostFourScrapesAtOnceTheFifthGets503() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inside = new CountDownLatch(ExporterServer.MAX_CONCURRENT_SCRAPES);
        PrometheusRegistry slow = new PrometheusRegistry();
        slow.register(new MultiCollector() {
            @Override
            public MetricSnapshots collect() {
                inside.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new MetricSnapshots();
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(ExporterServer.MAX_CONCURRENT_SCRAPES);
        try (ExporterServer s = ExporterServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), slow,
                WebConfig.NONE)) {
            String url = "http://127.0.0.1:" + s.address().getPort() + "/metrics";
            List<Future<HttpResponse<String>>> held = new ArrayList<>();
            for (int i = 0; i < ExporterServer.MAX_CONCURRENT_SCRAPES; i++) {
                held.add(pool.submit(() -> Http.get(url)));
            }
            assertTrue(inside.await(10, TimeUnit.SECONDS), "four scrapes should be in progress");
            HttpResponse<String> fifth = Http.get(url);
            assertEquals(503, fifth.statusCode());
            assertTrue(fifth.body().contains("too many scrapes at once"), fifth.body());
            assertEquals(200, Http.get("http://127.0.0.1:" + s.address().getPort() + "/-/healthy").statusCode());
            release.countDown();
            for (Future<HttpResponse<String>> f : held) {
                assertEquals(200, f.get(10, TimeUnit.SECONDS).statusCode());
            }
            assertEquals(200, Http.get(url).statusCode());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
