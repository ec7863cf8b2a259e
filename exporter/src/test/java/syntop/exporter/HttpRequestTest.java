package syntop.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class HttpRequestTest {
    private static Optional<HttpRequest> read(String text) throws Exception {
        return HttpRequest.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static HttpRequest.Rejected rejected(String text) {
        return assertThrows(HttpRequest.Rejected.class, () -> read(text));
    }

    @Test
    void aScrapeAsPrometheusSendsIt() throws Exception {
        HttpRequest r = read("GET /metrics?name[]=up HTTP/1.1\r\nHost: 10.0.0.1:19796\r\nUser-Agent: Prometheus/2.45.0\r\n"
                + "Accept: application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5\r\n"
                + "Accept-Encoding: gzip\r\nX-Prometheus-Scrape-Timeout-Seconds: 10\r\n\r\n").orElseThrow();
        assertEquals("GET", r.method());
        assertEquals("/metrics", r.rawPath());
        assertEquals("name[]=up", r.rawQuery());
        assertEquals(Optional.of("gzip"), r.header("accept-encoding"));
        assertEquals(List.of("10"), r.headers("X-PROMETHEUS-SCRAPE-TIMEOUT-SECONDS"));
        assertTrue(r.keepAlive());
        assertFalse(r.hasBody());
    }

    @Test
    void connectionCloseHttp10BareLineFeedsAndBodies() throws Exception {
        assertFalse(read("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, close\r\n\r\n").orElseThrow().keepAlive());
        assertFalse(read("GET / HTTP/1.0\n\n").orElseThrow().keepAlive());
        assertEquals("/x", read("\r\nGET http://h:1/x HTTP/1.1\nHost: x\n\n").orElseThrow().rawPath());
        assertTrue(read("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n").orElseThrow().hasBody());
        assertTrue(read("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n").orElseThrow().hasBody());
        assertEquals(Optional.empty(), read(""));
    }

    @Test
    void malformedOrOversizedHeadsAreRejectedWithTheRightStatus() {
        assertEquals(400, rejected("GET /metrics\r\n\r\n").status);
        assertEquals(400, rejected("GET metrics HTTP/1.1\r\nHost: x\r\n\r\n").status);
        assertEquals(400, rejected("GET / HTTP/1.1\r\n\r\n").status, "HTTP/1.1 needs Host");
        assertEquals(400, rejected("GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n").status);
        assertEquals(505, rejected("PRI * HTTP/2.0\r\n\r\n").status);
        assertEquals(414, rejected("GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n").status);
        HttpRequest.Rejected big = rejected("GET / HTTP/1.1\r\nHost: x\r\nX: " + "a".repeat(20_000) + "\r\n\r\n");
        assertEquals(431, big.status);
        assertTrue(big.answer);
        HttpRequest.Rejected huge = rejected("GET / HTTP/1.1\r\nHost: x\r\nX: " + "a".repeat(70_000) + "\r\n\r\n");
        assertFalse(huge.answer, "over 64 KiB the connection is closed without reading on");
        HttpRequest.Rejected cut = rejected("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        assertFalse(cut.answer);
    }
}
