package syntop.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class AuthThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private static final long TWO_S = TimeUnit.SECONDS.toNanos(2);

    @Test
    void fiveTriesAtOnceThenOneEveryTwoSeconds() {
        AuthThrottle t = new AuthThrottle(5, TWO_S, 100, now::get);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, t.take("a"), "try " + i);
        }
        assertEquals(TWO_S, t.take("a"));
        assertEquals(0, t.take("b"), "another client has its own tries");
        now.addAndGet(TWO_S - 1);
        assertEquals(1, t.take("a"));
        now.addAndGet(1);
        assertEquals(0, t.take("a"));
        assertEquals(TWO_S, t.take("a"));
        now.addAndGet(5 * TWO_S);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, t.take("a"), "full again after 10 s");
        }
    }

    @Test
    void aRightPasswordIsNotCountedAsATry() {
        AuthThrottle t = new AuthThrottle(2, TWO_S, 100, now::get);
        for (int i = 0; i < 50; i++) {
            assertEquals(0, t.take("prometheus"));
            t.succeeded("prometheus");
        }
        assertEquals(0, t.take("prometheus"));
        assertEquals(0, t.take("prometheus"));
        assertTrue(t.take("prometheus") > 0);
    }

    @Test
    void itRemembersABoundedNumberOfClients() {
        AuthThrottle t = new AuthThrottle(1, TWO_S, 3, now::get);
        for (int i = 0; i < 1000; i++) {
            t.take("10.0.0." + i);
        }
        // the oldest were forgotten (their allowance starts full again); the newest are still counted
        assertEquals(0, t.take("10.0.0.0"));
        assertTrue(t.take("10.0.0.999") > 0);
    }
}
