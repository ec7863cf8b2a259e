package syntop.exporter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;

/**
 * One scrape as the Prometheus client library's scrape handler sees it (it negotiates the format
 * from {@code Accept}, compresses when asked, honours {@code name[]=}). The answer is buffered whole:
 * the server sends it with its length once the handler is done.
 */
final class ScrapeExchange implements PrometheusHttpExchange, PrometheusHttpRequest, PrometheusHttpResponse {
    private final HttpRequest request;
    final Map<String, String> responseHeaders = new LinkedHashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
    int status;

    ScrapeExchange(HttpRequest request) {
        this.request = request;
    }

    @Override
    public PrometheusHttpRequest getRequest() {
        return this;
    }

    @Override
    public PrometheusHttpResponse getResponse() {
        return this;
    }

    @Override
    public String getQueryString() {
        return request.rawQuery();
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(request.headers(name));
    }

    @Override
    public String getMethod() {
        return request.method();
    }

    @Override
    public String getRequestPath() {
        return request.rawPath();
    }

    @Override
    public void setHeader(String name, String value) {
        responseHeaders.put(name, value);
    }

    /** {@code length} as in the JDK's server: -1 no body, 0 unknown, else exact; the server counts it anyway. */
    @Override
    public OutputStream sendHeadersAndGetBody(int statusCode, int length) {
        status = statusCode;
        return body;
    }

    @Override
    public void handleException(IOException e) throws IOException {
        throw e;
    }

    @Override
    public void handleException(RuntimeException e) {
        throw e;
    }

    @Override
    public void close() {
        // the server sends the buffered answer
    }
}
