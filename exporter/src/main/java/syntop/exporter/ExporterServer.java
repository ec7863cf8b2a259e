package syntop.exporter;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The HTTP side of {@code syntop serve}: the JDK's HTTP server with the Prometheus client library's
 * {@link MetricsHandler} (which negotiates Prometheus text, OpenMetrics or protobuf from the
 * {@code Accept} header) on exactly {@code /metrics}; {@code /} a short page, {@code /-/healthy}
 * "OK", every other path 404. Read-only: no endpoint changes anything.
 *
 * <p>Limits, so a slow or hostile client cannot hold the exporter: a request must arrive whole
 * within {@code sun.net.httpserver.maxReqTime} (10 s) and its answer leave within
 * {@code sun.net.httpserver.maxRspTime} (30 s), else the connection is closed; request headers over
 * 16 KiB get 431, and over 64 KiB ({@code sun.net.httpserver.maxReqHeaderSize}) or 64 lines the JDK
 * closes the connection without an answer; at most 64 open
 * connections ({@code jdk.httpserver.maxConnections}); 16 request threads; at most
 * {@value #MAX_CONCURRENT_SCRAPES} scrapes at once, the next gets 503 at once. Each limit is a JVM
 * system property read once; one given with {@code -D} wins.
 */
public final class ExporterServer implements AutoCloseable {
    public static final int MAX_CONCURRENT_SCRAPES = 4;
    /** Request headers larger than this get 431; far larger ones (the JDK's cap, 64 KiB) get the connection closed. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int THREADS = 16;
    static final String REALM = "syntop";

    static {
        defaultProperty("sun.net.httpserver.maxReqTime", "10");
        defaultProperty("sun.net.httpserver.maxRspTime", "30");
        defaultProperty("sun.net.httpserver.maxReqHeaderSize", "65536");
        defaultProperty("sun.net.httpserver.maxReqHeaders", "64");
        defaultProperty("jdk.httpserver.maxConnections", "64");
        // headers and body go out in separate writes: without this, Nagle and delayed ACKs add 40 ms a scrape
        defaultProperty("sun.net.httpserver.nodelay", "true");
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final boolean tls;

    private ExporterServer(HttpServer server, ThreadPoolExecutor executor, boolean tls) {
        this.server = server;
        this.executor = executor;
        this.tls = tls;
    }

    /** Binds and starts; a taken port or a refused address is a {@link ServeException} that says so. */
    public static ExporterServer start(InetSocketAddress address, PrometheusRegistry registry, WebConfig web)
            throws ServeException {
        SSLContext ssl = web.tls().isPresent() ? TlsContext.load(web.tls().get()) : null;
        BcryptAuthenticator auth = web.hasBasicAuth() ? new BcryptAuthenticator(REALM, web.users()) : null;
        HttpServer server;
        try {
            if (ssl != null) {
                HttpsServer https = HttpsServer.create();
                https.setHttpsConfigurator(new HttpsConfigurator(ssl) {
                    @Override
                    public void configure(HttpsParameters params) {
                        SSLParameters p = ssl.getDefaultSSLParameters();
                        p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                        params.setSSLParameters(p);
                    }
                });
                server = https;
            } else {
                server = HttpServer.create();
            }
            server.bind(address, 16);
        } catch (BindException e) {
            throw new ServeException("cannot listen on " + describe(address) + ": " + bindReason(e)
                    + "; choose another address with --listen", false, e);
        } catch (IOException e) {
            throw new ServeException("cannot listen on " + describe(address) + ": " + e.getMessage(), false, e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(64), r -> {
                    Thread t = new Thread(r, "syntop-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        HttpContext ctx = server.createContext("/", new Router(
                new MetricsHandler(PrometheusProperties.get(), registry), MAX_CONCURRENT_SCRAPES));
        if (auth != null) {
            ctx.setAuthenticator(auth);
        }
        server.start();
        return new ExporterServer(server, executor, ssl != null);
    }

    private static String describe(InetSocketAddress a) {
        return a.getAddress() == null || a.getAddress().isAnyLocalAddress() ? "port " + a.getPort() + " (every address)"
                : ListenAddress.authority(a);
    }

    private static String bindReason(BindException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("in use")) {
            return "the port is already in use (another syntop serve, or another exporter?)";
        }
        if (m.contains("ermission")) {
            return "permission denied (ports below 1024 need root)";
        }
        if (m.contains("assign")) {
            return "this machine has no such address";
        }
        return m;
    }

    /** The address actually bound (the port chosen, when 0 was asked). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://127.0.0.1:19796/metrics} (or https). */
    public String metricsUrl() {
        return (tls ? "https" : "http") + "://" + ListenAddress.authority(address()) + "/metrics";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Exact paths only: the JDK matches contexts by prefix, which would let /metricsXYZ through. */
    static final class Router implements HttpHandler {
        private final HttpHandler metrics;
        private final Semaphore scrapes;
        private final int maxScrapes;

        Router(HttpHandler metrics, int maxScrapes) {
            this.metrics = metrics;
            this.scrapes = new Semaphore(maxScrapes);
            this.maxScrapes = maxScrapes;
        }

        @Override
        public void handle(HttpExchange ex) throws IOException {
            try (ex) {
                if (headerBytes(ex) > MAX_HEADER_BYTES) {
                    answer(ex, 431, "431 request header fields too large (at most " + MAX_HEADER_BYTES + " bytes)\n");
                    return;
                }
                String path = ex.getRequestURI().getRawPath();
                String method = ex.getRequestMethod();
                boolean known = "/metrics".equals(path) || "/".equals(path) || "/-/healthy".equals(path);
                if (!known) {
                    answer(ex, 404, "404 page not found: syntop serves /metrics\n");
                    return;
                }
                if (!"GET".equals(method) && !"HEAD".equals(method)) {
                    ex.getResponseHeaders().set("Allow", "GET, HEAD");
                    answer(ex, 405, "405 method not allowed: only GET and HEAD\n");
                    return;
                }
                switch (path) {
                    case "/metrics" -> scrape(ex);
                    case "/-/healthy" -> answer(ex, 200, "OK\n");
                    default -> {
                        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                        answer(ex, 200, "<!DOCTYPE html><html><head><title>syntop</title></head><body>"
                                + "<h1>syntop</h1><p>The TCP stack under SYN floods, as Prometheus metrics: "
                                + "<a href=\"metrics\">/metrics</a></p></body></html>\n");
                    }
                }
            }
        }

        private static long headerBytes(HttpExchange ex) {
            long n = 0;
            for (var e : ex.getRequestHeaders().entrySet()) {
                for (String v : e.getValue()) {
                    n += e.getKey().length() + v.length() + 4;
                }
            }
            return n;
        }

        private void scrape(HttpExchange ex) throws IOException {
            if (!scrapes.tryAcquire()) {
                ex.getResponseHeaders().set("Retry-After", "1");
                answer(ex, 503, "503 too many scrapes at once (at most " + maxScrapes + "); try again\n");
                return;
            }
            try {
                metrics.handle(ex);
            } finally {
                scrapes.release();
            }
        }

        private static void answer(HttpExchange ex, int status, String body) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            if (!ex.getResponseHeaders().containsKey("Content-Type")) {
                ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            }
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if ("HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }
}
