package syntop.tui.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The attack of issue 15's item 8, run inside a network namespace (a JVM of its own, started with
 * {@code ip netns exec}): from one source address, {@code IDLE} connections that never send a
 * byte and {@code SLOW} slowloris connections that send a request line and then one header line a
 * second without ever ending the headers, each reopened 0.5 s after the server closes it; from a
 * second source address, one scrape a second on a fresh connection (TLS when a certificate is
 * given), which succeeds when a 200 with syntop's metrics arrives within 2 s (a slow one delays the
 * next; 2 s, not 1, because the test machine is shared and a fresh TLS handshake each second costs
 * the scraper what Prometheus, which keeps its connection, pays once). A few scrapes before the attack, not counted, warm up both
 * JVMs as a long-running exporter and Prometheus are.
 *
 * <p>Arguments: {@code HOST PORT ATTACKER_SOURCE SCRAPER_SOURCE SCRAPES IDLE SLOW [CERT_PEM]}.
 * Prints one line per scrape, then {@code scrapes ok=N of M; attacker connects=C; ...}. Bounded: it
 * ends after its scrapes, whatever the server does.
 */
public final class HostileClients {
    private static final byte[] SLOW_START = "GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SLOW_LINE = "X-a: b\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int SCRAPE_TIMEOUT_MS = 2000;
    private static final long REOPEN_AFTER_MS = 500;
    private static final int WARM_UP_SCRAPES = 3;

    private HostileClients() {
    }

    public static void main(String[] args) throws Exception {
        InetAddress host = InetAddress.getByName(args[0]);
        int port = Integer.parseInt(args[1]);
        InetAddress attacker = InetAddress.getByName(args[2]);
        InetAddress scraper = InetAddress.getByName(args[3]);
        int scrapes = Integer.parseInt(args[4]);
        int idle = Integer.parseInt(args[5]);
        int slow = Integer.parseInt(args[6]);
        SSLContext tls = args.length > 7 ? trusting(Path.of(args[7])) : null;
        InetSocketAddress target = new InetSocketAddress(host, port);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong connects = new AtomicLong();
        for (int i = 0; i < WARM_UP_SCRAPES; i++) {
            System.out.println("warm-up scrape: " + scrape(target, scraper, tls));
        }
        List<Thread> threads = new ArrayList<>();
        Thread idler = new Thread(() -> idle(target, attacker, idle, stop, connects), "idle");
        threads.add(idler);
        for (int i = 0; i < slow; i++) {
            threads.add(new Thread(() -> slowloris(target, attacker, tls, stop, connects), "slow-" + i));
        }
        for (Thread t : threads) {
            t.setDaemon(true);
            t.start();
        }
        Thread.sleep(3000); // let the attack take hold before the first scrape
        int ok = 0;
        List<Long> okMillis = new ArrayList<>();
        long next = System.nanoTime();
        for (int i = 0; i < scrapes; i++) {
            long t0 = System.nanoTime();
            String result = scrape(target, scraper, tls);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (result.equals("ok")) {
                ok++;
                okMillis.add(ms);
            }
            System.out.println("scrape " + (i + 1) + ": " + result + " in " + ms + " ms");
            next += 1_000_000_000L;
            long wait = (next - System.nanoTime()) / 1_000_000;
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
        stop.set(true);
        okMillis.sort(null);
        System.out.println("scrapes ok=" + ok + " of " + scrapes + "; attacker connects=" + connects.get()
                + (okMillis.isEmpty() ? "" : "; ok scrapes took median " + okMillis.get(okMillis.size() / 2)
                        + " ms, max " + okMillis.get(okMillis.size() - 1) + " ms"));
        System.out.flush();
        System.exit(0); // the attack threads may sit in blocking calls
    }

    private static SSLContext trusting(Path certPem) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(certPem)) {
            ks.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** One scrape on a fresh connection from {@code source}: "ok", or what went wrong. */
    private static String scrape(InetSocketAddress target, InetAddress source, SSLContext tls) {
        long deadline = System.nanoTime() + SCRAPE_TIMEOUT_MS * 1_000_000L;
        try (Socket plain = new Socket()) {
            plain.bind(new InetSocketAddress(source, 0));
            plain.connect(target, SCRAPE_TIMEOUT_MS);
            plain.setSoTimeout(SCRAPE_TIMEOUT_MS);
            Socket s = plain;
            if (tls != null) {
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", target.getPort(), true);
                ssl.startHandshake();
                s = ssl;
            }
            OutputStream out = s.getOutputStream();
            out.write(("GET /metrics HTTP/1.1\r\nHost: " + target.getAddress().getHostAddress() + ":" + target.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) >= 0) {
                got.write(buf, 0, n);
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return "too slow (more than " + SCRAPE_TIMEOUT_MS + " ms)";
                }
                s.setSoTimeout((int) left);
            }
            String text = got.toString(StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.1 200")) {
                int nl = text.indexOf('\r');
                return "answered " + (text.isEmpty() ? "nothing" : nl < 0 ? text : text.substring(0, nl));
            }
            return text.contains("syntop_tcp_connections") ? "ok" : "200 without syntop's metrics";
        } catch (IOException e) {
            return "failed: " + e;
        }
    }

    /** Keeps {@code count} connections open that never send a byte; reopens each one the server closes. */
    private static void idle(InetSocketAddress target, InetAddress source, int count, AtomicBoolean stop,
                             AtomicLong connects) {
        try (Selector selector = Selector.open()) {
            List<Long> reopenAt = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                reopenAt.add(0L);
            }
            ByteBuffer sink = ByteBuffer.allocate(4096);
            while (!stop.get()) {
                long now = System.nanoTime();
                for (int i = 0; i < reopenAt.size(); i++) {
                    if (reopenAt.get(i) >= 0 && reopenAt.get(i) <= now) {
                        reopenAt.set(i, -1L);
                        SocketChannel ch = SocketChannel.open();
                        ch.configureBlocking(false);
                        ch.bind(new InetSocketAddress(source, 0));
                        ch.connect(target);
                        ch.register(selector, SelectionKey.OP_CONNECT | SelectionKey.OP_READ, i);
                        connects.incrementAndGet();
                    }
                }
                selector.select(50);
                for (SelectionKey k : selector.selectedKeys()) {
                    SocketChannel ch = (SocketChannel) k.channel();
                    int slot = (Integer) k.attachment();
                    boolean closed;
                    try {
                        if (k.isConnectable()) {
                            ch.finishConnect();
                            k.interestOps(SelectionKey.OP_READ);
                        }
                        closed = k.isReadable() && ch.read(sink.clear()) < 0;
                    } catch (IOException e) {
                        closed = true;
                    }
                    if (closed) {
                        k.cancel();
                        ch.close();
                        reopenAt.set(slot, System.nanoTime() + REOPEN_AFTER_MS * 1_000_000L);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            System.out.println("idle attacker stopped: " + e);
        }
    }

    /** One slowloris connection after another: a request whose headers never end, a line a second. */
    private static void slowloris(InetSocketAddress target, InetAddress source, SSLContext tls, AtomicBoolean stop,
                                  AtomicLong connects) {
        while (!stop.get()) {
            try (Socket plain = new Socket()) {
                plain.bind(new InetSocketAddress(source, 0));
                plain.connect(target, 5000);
                connects.incrementAndGet();
                Socket s = plain;
                if (tls != null) {
                    plain.setSoTimeout(15_000);
                    SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", target.getPort(),
                            true);
                    ssl.startHandshake();
                    s = ssl;
                }
                OutputStream out = s.getOutputStream();
                out.write(SLOW_START);
                out.flush();
                while (!stop.get()) {
                    Thread.sleep(1000);
                    out.write(SLOW_LINE);
                    out.flush();
                }
            } catch (IOException e) {
                // closed by the server: come back
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(REOPEN_AFTER_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
