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

    @BeforeEach
    void start() throws ServeException {
        server = ExporterServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                FixtureSnapshots.state(OsFamily.LINUX, 100).registry(), WebConfig.NONE);
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
        // surefire sets sun.net.httpserver.maxReqTime=2 for this module (production: 10 s)
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
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
        // closing them can hand the JDK's server truncated requests that it still dispatches; while
        // those fail, a scrape may get the busy answer, which tells it when to come back
        HttpResponse<String> r = Http.get(base + "/metrics");
        for (int i = 0; i < 5 && r.statusCode() == 503; i++) {
            assertEquals("1", r.headers().firstValue("Retry-After").orElse(""), r.headers().toString());
            Thread.sleep(1000);
            r = Http.get(base + "/metrics");
        }
        assertEquals(200, r.statusCode());
        stillServes();
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
