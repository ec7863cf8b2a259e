package syntop.tui.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code syntop serve} in a JVM of its own, on this module's test classpath, possibly under a
 * prefix (e.g. {@code ip netns exec syntop-srv}). Waits for the "serving URL" line; stopped with
 * SIGTERM, then killed if it lingers.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving (https?://\\S+/metrics)");
    final Process process;
    final String metricsUrl;
    private final List<String> stderr;

    private ServeProcess(Process process, String metricsUrl, List<String> stderr) {
        this.process = process;
        this.metricsUrl = metricsUrl;
        this.stderr = stderr;
    }

    static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    static ServeProcess start(List<String> prefix, List<String> jvmOptions, List<String> serveArgs) throws IOException,
            InterruptedException {
        List<String> argv = new ArrayList<>(prefix);
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(jvmOptions);
        argv.add("-cp");
        argv.add(classpath());
        argv.add("syntop.tui.Main");
        argv.add("serve");
        argv.addAll(serveArgs);
        Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        BlockingQueue<String> url = new ArrayBlockingQueue<>(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        url.offer(m.group(1));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "serve-stderr");
        reader.setDaemon(true);
        reader.start();
        String u = url.poll(30, TimeUnit.SECONDS);
        if (u == null) {
            p.destroyForcibly();
            throw new IllegalStateException("syntop serve did not start within 30 s: " + lines);
        }
        return new ServeProcess(p, u, lines);
    }

    List<String> stderr() {
        return List.copyOf(stderr);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the shutdown hook stops the server and the loop
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
