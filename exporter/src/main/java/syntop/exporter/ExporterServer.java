package syntop.exporter;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import syntop.collectors.threads.Daemons;

/**
 * The HTTP side of {@code syntop serve}: a small HTTP/1.1 server (GET and HEAD, keep-alive, TLS
 * when configured) with the Prometheus client library's scrape handler on exactly {@code /metrics};
 * {@code /} a short page, {@code /-/healthy} "OK", every other path 404. Read-only: no endpoint
 * changes anything.
 *
 * <p>It is its own server, not the JDK's, because the JDK's cannot tell clients apart: one client
 * with a few hundred idle or slowloris connections took every connection it allows. Here:
 * <ul>
 * <li>connections ({@link Limits#connections} in all) are admitted by a {@link ConnectionGate}:
 *     {@link Limits#perClient} per client,
 *     the last {@link Limits#reserved} slots only for clients holding none, and a newcomer may take
 *     a waiting connection from the client holding the most;</li>
 * <li>the TLS handshake and the request head must arrive within {@link Limits#headerTimeout} of the
 *     connection (of its first byte, on a kept-alive connection, which may idle
 *     {@link Limits#idleTimeout}), the answer must leave within {@link Limits#responseTimeout};
 *     else the connection is closed;</li>
 * <li>heads are bounded ({@link HttpRequest}: 431 over 16 KiB, closed over 64 KiB);</li>
 * <li>at most {@value #MAX_CONCURRENT_SCRAPES} scrapes at once, the next gets 503 at once;</li>
 * <li>wrong passwords are throttled per client ({@link BasicAuth}, {@link AuthThrottle}).</li>
 * </ul>
 * A refused connection is closed at once; threads exist only for admitted connections.
 */
public final class ExporterServer implements AutoCloseable {
    public static final int MAX_CONCURRENT_SCRAPES = 4;
    static final String REALM = "syntop";
    /** Room for a burst of connections (the kernel caps it at net.core.somaxconn): refusing one is quick, a SYN dropped for a full queue costs the client a second. */
    private static final int BACKLOG = 1024;

    /** The server's limits; {@link #DEFAULT} in production, shorter times in tests. */
    public record Limits(Duration headerTimeout, Duration idleTimeout, Duration responseTimeout, int connections,
                         int perClient, int reserved, int authBurst, Duration authRefill) {
        /** 32 connections: each holds a thread, and the systemd unit caps the tasks (threads and children) at 128. */
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(120),
                Duration.ofSeconds(30), 32, 8, 8, 5, Duration.ofSeconds(2));
    }

    private final ServerSocket listener;
    private final SSLSocketFactory tls;
    private final Limits limits;
    private final ConnectionGate gate;
    private final Router router;
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor deadlines;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private ExporterServer(ServerSocket listener, SSLSocketFactory tls, Limits limits, Router router) {
        this.listener = listener;
        this.tls = tls;
        this.limits = limits;
        this.router = router;
        this.gate = new ConnectionGate(limits.connections(), limits.perClient(), limits.reserved());
        AtomicInteger n = new AtomicInteger();
        // a thread per admitted connection, and a few more for those still ending after the gate let them go
        this.workers = new ThreadPoolExecutor(0, limits.connections() + 8, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> Daemons.thread("syntop-http-" + n.incrementAndGet(), r));
        this.deadlines = new ScheduledThreadPoolExecutor(1, Daemons.named("syntop-http-deadlines"));
        deadlines.setRemoveOnCancelPolicy(true);
        this.acceptor = Daemons.thread("syntop-http-accept", this::acceptLoop);
    }

    /** Binds and starts with the production limits; a taken port or a refused address is a {@link ServeException} that says so. */
    public static ExporterServer start(InetSocketAddress address, PrometheusRegistry registry, WebConfig web)
            throws ServeException {
        return start(address, registry, web, Limits.DEFAULT);
    }

    public static ExporterServer start(InetSocketAddress address, PrometheusRegistry registry, WebConfig web,
                                       Limits limits) throws ServeException {
        SSLContext ssl = web.tls().isPresent() ? TlsContext.load(web.tls().get()) : null;
        BasicAuth auth = web.hasBasicAuth() ? new BasicAuth(REALM, web.users(), new AuthThrottle(limits.authBurst(),
                limits.authRefill().toNanos(), 4096, System::nanoTime)) : null;
        ServerSocket listener;
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(address, BACKLOG);
        } catch (BindException e) {
            throw new ServeException("cannot listen on " + describe(address) + ": " + bindReason(e)
                    + "; choose another address with --listen", false, e);
        } catch (IOException e) {
            throw new ServeException("cannot listen on " + describe(address) + ": " + e.getMessage(), false, e);
        }
        Router router = new Router(new PrometheusScrapeHandler(PrometheusProperties.get(), registry), auth,
                MAX_CONCURRENT_SCRAPES);
        ExporterServer server = new ExporterServer(listener, ssl == null ? null : ssl.getSocketFactory(), limits, router);
        server.acceptor.start();
        return server;
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
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** {@code http://127.0.0.1:19796/metrics} (or https). */
    public String metricsUrl() {
        return (tls != null ? "https" : "http") + "://" + ListenAddress.authority(address()) + "/metrics";
    }

    @Override
    public void close() {
        closed = true;
        quietly(listener::close);
        for (Socket s : open) {
            quietly(s::close);
        }
        workers.shutdownNow();
        deadlines.shutdownNow();
    }

    private interface Closer {
        void close() throws IOException;
    }

    private static void quietly(Closer c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing: nothing more to do
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                pause(); // e.g. too many open files: the next accept may work once some have closed
                continue;
            }
            String client = ConnectionGate.clientOf(s.getInetAddress());
            ConnectionGate.Admission a = gate.admit(client, () -> quietly(s::close));
            a.evicted().ifPresent(Runnable::run);
            if (a.ticket().isEmpty()) {
                refuse(s);
                continue;
            }
            ConnectionGate.Ticket ticket = a.ticket().get();
            open.add(s);
            try {
                workers.execute(() -> serve(s, ticket));
            } catch (RejectedExecutionException | OutOfMemoryError e) {
                // no thread for it (or the OS will not make one, e.g. systemd's TasksMax): refuse this
                // connection and go on accepting, rather than let the accepting thread die
                open.remove(s);
                gate.release(ticket);
                refuse(s);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes at once with a reset: no TIME_WAIT left behind here, and nothing read. */
    private static void refuse(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException e) {
            // closed already
        }
        quietly(s::close);
    }

    /** One connection: the handshake, then requests until the client or a limit ends it. */
    private void serve(Socket raw, ConnectionGate.Ticket ticket) {
        Future<?> deadline = closeAfter(raw, limits.headerTimeout());
        Socket io = raw;
        try {
            raw.setTcpNoDelay(true); // headers and body in separate segments: without this, Nagle adds 40 ms
            if (tls != null) {
                SSLSocket ssl = (SSLSocket) tls.createSocket(raw, null, raw.getPort(), true);
                ssl.setUseClientMode(false);
                ssl.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                ssl.startHandshake();
                io = ssl;
            }
            InputStream in = new BufferedInputStream(io.getInputStream(), 8192);
            OutputStream out = new BufferedOutputStream(io.getOutputStream(), 16384);
            String client = ticket.client;
            boolean first = true;
            while (true) {
                if (!first) {
                    io.setSoTimeout((int) limits.idleTimeout().toMillis());
                    in.mark(1);
                    int b;
                    try {
                        b = in.read();
                    } catch (SocketTimeoutException e) {
                        return; // idle too long
                    }
                    if (b < 0) {
                        return;
                    }
                    in.reset();
                    io.setSoTimeout(0);
                    deadline = closeAfter(raw, limits.headerTimeout());
                }
                first = false;
                Optional<HttpRequest> request;
                Answer answer;
                try {
                    request = HttpRequest.read(in);
                    if (request.isEmpty()) {
                        return;
                    }
                    deadline.cancel(false);
                    gate.answering(ticket, true);
                    deadline = closeAfter(raw, limits.responseTimeout());
                    answer = router.answer(request.get(), client);
                } catch (HttpRequest.Rejected e) {
                    if (!e.answer) {
                        return;
                    }
                    deadline.cancel(false);
                    deadline = closeAfter(raw, limits.responseTimeout());
                    answer = Answer.text(e.status, e.getMessage() + "\n");
                    request = Optional.empty();
                }
                boolean keep = request.isPresent() && request.get().keepAlive() && !request.get().hasBody();
                boolean head = request.isPresent() && "HEAD".equals(request.get().method());
                answer.write(out, head, keep);
                deadline.cancel(false);
                gate.answering(ticket, false);
                if (!keep) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, a deadline closed the socket, or the TLS engine gave up on what it
            // was sent: this connection ends, quietly (a hostile client must not fill the log)
        } finally {
            deadline.cancel(false);
            if (io != raw && !raw.isClosed()) {
                closeAfter(raw, Duration.ofSeconds(1)); // TLS says goodbye (close_notify), but may not wait on it
                quietly(io::close);
            }
            quietly(raw::close);
            open.remove(raw);
            gate.release(ticket);
        }
    }

    private Future<?> closeAfter(Socket s, Duration d) {
        try {
            return deadlines.schedule(() -> quietly(s::close), d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) { // the server is closing: no time left
            quietly(s::close);
            return CompletableFuture.completedFuture(null);
        }
    }
}
