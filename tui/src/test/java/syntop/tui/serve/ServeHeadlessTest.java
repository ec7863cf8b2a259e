package syntop.tui.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code syntop serve} through the real entry point in a fresh JVM, with class loading logged:
 * after it has sampled and served, not one Lanterna class (nor widgets, themes or console) was loaded.
 */
@EnabledOnOs({OS.LINUX, OS.MAC, OS.FREEBSD})
class ServeHeadlessTest {
    @Test
    void servesAndSamplesWithoutLoadingATerminalLibrary(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("classes.log");
        HttpClient client = HttpClient.newHttpClient();
        try (ServeProcess serve = ServeProcess.start(List.of(), List.of("-Xlog:class+load=info:file=" + log),
                List.of("--listen", "127.0.0.1:0", "--interval", "0.5"))) {
            assertTrue(serve.metricsUrl.startsWith("http://127.0.0.1:"), serve.metricsUrl);
            String body = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(serve.metricsUrl)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                body = r.body();
                if (body.contains("syntop_samples_total 2.0") || body.contains("syntop_samples_total 3.0")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertTrue(body.contains("syntop_tcp_connections{state=\"listen\"}"), body);
            assertTrue(body.contains("syntop_source_up{"), body);
        }
        String loaded = Files.readString(log);
        assertTrue(loaded.contains("syntop.exporter.SyntopMetrics"), "class loading was not logged");
        for (String banned : List.of("com.googlecode.lanterna.", "syntop.widgets.", "syntop.themes.",
                "syntop.tui.console.ConsolePainter", "syntop.tui.view.")) {
            List<String> hits = loaded.lines().filter(l -> l.contains(banned)).limit(5).toList();
            assertTrue(hits.isEmpty(), "serve loaded " + banned + "*: " + hits);
        }
    }
}
