package syntop.exporter;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.LivePipeline;
import syntop.collectors.os.Platforms;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.Sampler;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.ProcessCommandRunner;

/**
 * {@code syntop serve}: checks the options, binds the address, then runs the sampling loop until
 * closed. Headless: nothing here (or below) touches a terminal library.
 */
public final class Serve {
    public static final double MIN_INTERVAL = 0.2;
    public static final double MAX_INTERVAL = 3600;
    public static final int DEFAULT_MAX_LISTENERS = 100;
    public static final int MAX_MAX_LISTENERS = 100_000;

    private Serve() {
    }

    /**
     * @param listen       ADDR:PORT
     * @param intervalSeconds seconds between samples
     * @param maxListeners listener series kept (the rest summed into address="other")
     * @param webConfig    the web configuration file, if any
     * @param fsRoot       read /proc under this folder instead of / (tests); null for the live machine
     * @param version      syntop's version, for syntop_build_info
     */
    public record Options(String listen, double intervalSeconds, int maxListeners, Path webConfig, Path fsRoot,
                          String version) {
    }

    /** A started exporter: the address it listens on; closing stops the server and the loop. */
    public static final class Running implements AutoCloseable {
        private final ExporterServer server;
        private final SamplingLoop loop;
        private final CountDownLatch closed = new CountDownLatch(1);

        private Running(ExporterServer server, SamplingLoop loop) {
            this.server = server;
            this.loop = loop;
        }

        public String metricsUrl() {
            return server.metricsUrl();
        }

        public InetSocketAddress address() {
            return server.address();
        }

        /** Blocks until {@link #close()} is called (by a shutdown hook, on SIGTERM or SIGINT). */
        public void awaitClose() throws InterruptedException {
            closed.await();
        }

        @Override
        public synchronized void close() {
            if (closed.getCount() == 0) {
                return;
            }
            server.close();
            loop.close();
            closed.countDown();
        }
    }

    public static Running start(Options o, PrintWriter err) throws ServeException {
        if (!(o.intervalSeconds() >= MIN_INTERVAL && o.intervalSeconds() <= MAX_INTERVAL)) {
            throw new ServeException("--interval must be between " + MIN_INTERVAL + " and " + (int) MAX_INTERVAL
                    + " seconds", true);
        }
        if (o.maxListeners() < 0 || o.maxListeners() > MAX_MAX_LISTENERS) {
            throw new ServeException("--max-listeners must be between 0 and " + MAX_MAX_LISTENERS, true);
        }
        InetSocketAddress address = ListenAddress.parse(o.listen());
        WebConfig web = o.webConfig() == null ? WebConfig.NONE : WebConfig.load(o.webConfig());
        if (o.webConfig() != null) {
            for (String w : web.warnings(o.webConfig())) {
                err.println("syntop serve: warning: " + w);
            }
            err.flush();
        }
        FsRoot root = o.fsRoot() == null ? FsRoot.live() : new FsRoot(o.fsRoot());
        Optional<Platform> platform = Platforms.detect(root);
        if (platform.isEmpty()) {
            throw new ServeException("this OS (" + System.getProperty("os.name") + ") is not supported; "
                    + "syntop knows Linux, FreeBSD and macOS", true);
        }
        Duration interval = Duration.ofMillis(Math.round(o.intervalSeconds() * 1000));
        ExporterState state = new ExporterState(BuildInfo.current(o.version()), platform.get().host(),
                interval.toMillis() / 1000.0, o.maxListeners());
        ExporterServer server = ExporterServer.start(address, state.registry(), web);
        Sampler sampler = Sampler.live(platform.get(), new Acquirer(new ProcessCommandRunner(), root), interval);
        SamplingLoop loop = new SamplingLoop(new LivePipeline(sampler, Thresholds.defaults()), state, interval, err).start();
        return new Running(server, loop);
    }
}
