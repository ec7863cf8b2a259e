package syntop.tui.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code syntop once --count N --format json} running inside the lab's server namespace: one
 * snapshot a second, read line by line as a script would.
 */
final class SyntopStream implements AutoCloseable {
    private static final Pattern VERDICT = Pattern.compile(
            "\\{\"kind\":\"([a-z_0-9]+)\",\"severity\":\"([a-z]+)\",\"port\":(null|\\d+)");

    /** One tick as syntop printed it. */
    record Tick(int index, long receivedNanos, String json) {
        List<String> verdicts() {
            List<String> out = new ArrayList<>();
            Matcher m = VERDICT.matcher(json);
            while (m.find()) {
                out.add(m.group(1) + (m.group(3).equals("null") ? "" : ":" + m.group(3)));
            }
            return out;
        }

        long state(String label) {
            Matcher m = Pattern.compile("\"states\":\\{[^}]*\"" + label + "\":(\\d+)").matcher(json);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }

        long raw(String name) {
            Matcher m = Pattern.compile("\"raw_counters\":\\{[^}]*\"" + name + "\":(\\d+)").matcher(json);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }

        long counter(String label) {
            Matcher m = Pattern.compile("\"counters\":\\{.*?\"" + label + "\":\\{\"value\":(\\d+)").matcher(json);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }

        String listener(int port) {
            Matcher m = Pattern.compile("\\{[^{}]*\"port\":" + port + ",(?:[^{}]|\\{[^{}]*})*}").matcher(json);
            return m.find() ? m.group() : "";
        }
    }

    private final Process process;
    private final BlockingQueue<Tick> ticks = new LinkedBlockingQueue<>();
    private final List<Tick> all = new ArrayList<>();

    SyntopStream(int count) throws IOException {
        List<String> argv = List.of("ip", "netns", "exec", Lab.SERVER_NS,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "syntop.tui.Main",
                "once", "--count", String.valueOf(count), "--interval", "1", "--format", "json");
        process = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                int i = 0;
                while ((line = r.readLine()) != null) {
                    ticks.add(new Tick(i++, System.nanoTime(), line));
                }
            } catch (IOException e) {
                // the stream ends with the process
            }
        }, "syntop-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next tick, waiting at most 5 s. */
    Tick next() throws InterruptedException {
        Tick t = ticks.poll(5, TimeUnit.SECONDS);
        if (t == null) {
            throw new AssertionError("syntop printed no snapshot for 5 s");
        }
        all.add(t);
        return t;
    }

    List<Tick> seen() {
        return all;
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
