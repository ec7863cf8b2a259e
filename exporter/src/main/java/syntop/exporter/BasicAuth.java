package syntop.exporter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import at.favre.lib.crypto.bcrypt.BCrypt;

/**
 * HTTP basic authentication (RFC 7617) against the bcrypt hashes of a web configuration.
 *
 * <p>bcrypt is slow on purpose, so a successful check is remembered (as a SHA-256 of user, password
 * and hash; never the password) and Prometheus' scrape every few seconds costs one hash per restart,
 * not one per scrape. An unknown user is checked against a dummy hash so that the answer takes as
 * long as for a known one. Guessing is bounded per client by an {@link AuthThrottle} (consulted
 * before anything else, the remembered checks included, so a client out of tries learns nothing), and
 * at most one bcrypt check runs at a time, so wrong guesses from many clients cannot take the CPU
 * from the sampler and from scrapes that were already let in.
 */
final class BasicAuth {
    private static final int REMEMBERED = 64;
    private static final long HASH_WAIT_SECONDS = 5;

    /** What a request's credentials earned it. */
    sealed interface Verdict {
    }

    record Allowed() implements Verdict {
    }

    /** No, malformed or wrong credentials: 401. */
    record Unauthorized() implements Verdict {
    }

    /** Out of tries: 429, try again after {@code seconds}. */
    record Throttled(long seconds) implements Verdict {
    }

    /** The bcrypt check could not start in time: 503. */
    record Busy() implements Verdict {
    }

    private final String realm;
    private final Map<String, String> users;
    private final String dummy;
    private final AuthThrottle throttle;
    private final Semaphore hashing = new Semaphore(1, true);
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    BasicAuth(String realm, Map<String, String> users, AuthThrottle throttle) {
        this.realm = realm;
        this.users = Map.copyOf(users);
        this.throttle = throttle;
        int cost = users.values().stream().findFirst()
                .map(h -> Integer.parseInt(h.substring(h.length() - 56, h.length() - 54))).orElse(10);
        this.dummy = BCrypt.withDefaults().hashToString(cost, "no such user".toCharArray());
    }

    /** The {@code WWW-Authenticate} challenge sent with a 401. */
    String challenge() {
        return "Basic realm=\"" + realm + "\", charset=\"UTF-8\"";
    }

    /** Judges the {@code Authorization} header of a request from {@code client}. */
    Verdict check(String client, Optional<String> authorization) {
        Optional<String[]> credentials = authorization.flatMap(BasicAuth::decode);
        if (credentials.isEmpty()) {
            return new Unauthorized();
        }
        long wait = throttle.take(client);
        if (wait > 0) {
            return new Throttled(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999L)));
        }
        String user = credentials.get()[0];
        String password = credentials.get()[1];
        String hash = users.get(user);
        String key = fingerprint(user, password, hash == null ? dummy : hash);
        if (hash != null && verified.contains(key)) {
            throttle.succeeded(client);
            return new Allowed();
        }
        try {
            if (!hashing.tryAcquire(HASH_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throttle.succeeded(client); // not a try: nothing was checked
                return new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Busy();
        }
        boolean ok;
        try {
            ok = BCrypt.verifyer().verify(password.toCharArray(), (hash == null ? dummy : hash).toCharArray()).verified
                    && hash != null;
        } catch (IllegalArgumentException e) {
            ok = false; // over bcrypt's 72 bytes: no hash matches it (Go's bcrypt, exporter-toolkit's, refuses it too)
        } finally {
            hashing.release();
        }
        if (!ok) {
            return new Unauthorized();
        }
        if (verified.size() >= REMEMBERED) {
            verified.clear();
        }
        verified.add(key);
        throttle.succeeded(client);
        return new Allowed();
    }

    /** {@code Basic BASE64(user:password)} as user and password; empty when malformed (no colon, bad base64). */
    static Optional<String[]> decode(String authorization) {
        String h = authorization.strip();
        int space = h.indexOf(' ');
        if (space < 0 || !h.substring(0, space).equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getDecoder().decode(h.substring(space + 1).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(new String[] {text.substring(0, colon), text.substring(colon + 1)});
    }

    private static String fingerprint(String user, String password, String hash) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(user.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(password.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(hash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
