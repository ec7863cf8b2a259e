package syntop.exporter;

import java.io.IOException;
import java.util.concurrent.Semaphore;

import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;

/**
 * Where a request of {@link ExporterServer} goes: exact paths only ({@code /metrics}, {@code /},
 * {@code /-/healthy}, else 404), after authentication when it is configured.
 */
final class Router {
    private final PrometheusScrapeHandler metrics;
    private final BasicAuth auth;
    private final Semaphore scrapes;
    private final int maxScrapes;

    Router(PrometheusScrapeHandler metrics, BasicAuth auth, int maxScrapes) {
        this.metrics = metrics;
        this.auth = auth;
        this.scrapes = new Semaphore(maxScrapes);
        this.maxScrapes = maxScrapes;
    }

    Answer answer(HttpRequest r, String client) throws IOException {
        if (auth != null) {
            BasicAuth.Verdict v = auth.check(client, r.header("authorization"));
            if (v instanceof BasicAuth.Unauthorized) {
                return Answer.text(401, "401 unauthorized\n").with("WWW-Authenticate", auth.challenge());
            }
            if (v instanceof BasicAuth.Throttled t) {
                return Answer.text(429, "429 too many wrong passwords from your address; try again in "
                        + t.seconds() + " s\n").with("Retry-After", Long.toString(t.seconds()));
            }
            if (v instanceof BasicAuth.Busy) {
                return Answer.text(503, "503 busy checking passwords; try again\n").with("Retry-After", "1");
            }
        }
        String path = r.rawPath();
        boolean known = "/metrics".equals(path) || "/".equals(path) || "/-/healthy".equals(path);
        if (!known) {
            return Answer.text(404, "404 page not found: syntop serves /metrics\n");
        }
        if (!"GET".equals(r.method()) && !"HEAD".equals(r.method())) {
            return Answer.text(405, "405 method not allowed: only GET and HEAD\n").with("Allow", "GET, HEAD");
        }
        return switch (path) {
            case "/metrics" -> scrape(r);
            case "/-/healthy" -> Answer.text(200, "OK\n");
            default -> Answer.text(200, "<!DOCTYPE html><html><head><title>syntop</title></head><body>"
                    + "<h1>syntop</h1><p>The TCP stack under SYN floods, as Prometheus metrics: "
                    + "<a href=\"metrics\">/metrics</a></p></body></html>\n")
                    .with("Content-Type", "text/html; charset=utf-8");
        };
    }

    private Answer scrape(HttpRequest r) throws IOException {
        if (!scrapes.tryAcquire()) {
            return Answer.text(503, "503 too many scrapes at once (at most " + maxScrapes + "); try again\n")
                    .with("Retry-After", "1");
        }
        try {
            ScrapeExchange ex = new ScrapeExchange(r);
            metrics.handleRequest(ex);
            if (ex.status == 0) {
                return Answer.text(500, "500 the metrics handler gave no answer\n");
            }
            return new Answer(ex.status, ex.responseHeaders, ex.body.toByteArray());
        } catch (RuntimeException e) {
            return Answer.text(500, "500 the metrics could not be written: " + e + "\n");
        } finally {
            scrapes.release();
        }
    }
}
