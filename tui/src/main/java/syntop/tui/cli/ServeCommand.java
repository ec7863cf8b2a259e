package syntop.tui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import syntop.exporter.ListenAddress;
import syntop.exporter.Serve;
import syntop.exporter.ServeException;

import sun.misc.Signal;

/**
 * {@code syntop serve}: the Prometheus exporter. Headless: this class and everything it reaches stay
 * clear of the console (no terminal library is loaded).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve this machine's TCP stack as Prometheus metrics on /metrics (Prometheus text or "
                + "OpenMetrics), sampling it on its own schedule; a scrape never makes it poll.",
            "Runs until stopped: SIGTERM ends it with status 0, SIGINT as usual."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"--listen", "--web.listen-address"}, paramLabel = "ADDR:PORT", defaultValue = ListenAddress.DEFAULT,
            description = "address to serve on (default: ${DEFAULT-VALUE}, loopback only; :PORT for every address); "
                    + "the second name is the one Prometheus' exporters use")
    String listen;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "seconds between samples (default: ${DEFAULT-VALUE}; the detectors judge rates over "
                    + "5 samples)")
    double intervalSeconds;

    @Option(names = "--max-listeners", paramLabel = "N", defaultValue = "" + Serve.DEFAULT_MAX_LISTENERS,
            description = "listening sockets exported one by one, fullest first; the rest are summed into "
                    + "address=\"other\" (default: ${DEFAULT-VALUE})")
    int maxListeners;

    @Option(names = {"--web-config", "--web.config.file"}, paramLabel = "FILE",
            description = "TLS and basic authentication, in the web configuration format of Prometheus' exporters "
                    + "(tls_server_config: cert_file, key_file; basic_auth_users: user: bcrypt hash); "
                    + "the second name is theirs")
    Path webConfig;

    @Mixin
    FsRootOption fsRoot;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        String version = ServeCommand.class.getPackage().getImplementationVersion();
        Serve.Running running;
        try {
            running = Serve.start(new Serve.Options(listen, intervalSeconds, maxListeners, webConfig, fsRoot.dir, version),
                    err);
        } catch (ServeException e) {
            err.println("syntop serve: " + e.getMessage());
            err.flush();
            return e.isUsage() ? ExitCodes.USAGE : ExitCodes.SOURCE_FAILED;
        }
        // SIGTERM is how service managers stop serve: stop cleanly and exit 0, as node_exporter does,
        // not with the JVM's 143 (128 + SIGTERM), which systemd and rc.d would count as a failure
        try {
            Signal.handle(new Signal("TERM"), signal -> running.close());
        } catch (IllegalArgumentException e) {
            // no SIGTERM here (or the JVM keeps it, e.g. under -Xrs): the shutdown hook below still stops serve
        }
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "syntop-serve-stop"));
        err.println("syntop serve: serving " + running.metricsUrl() + ", sampling every "
                + (intervalSeconds == Math.rint(intervalSeconds) ? (long) intervalSeconds + "" : intervalSeconds + "")
                + " s");
        err.flush();
        try {
            running.awaitClose();
        } finally {
            running.close();
        }
        return ExitCodes.OK;
    }
}
