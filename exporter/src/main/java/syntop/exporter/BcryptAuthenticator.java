package syntop.exporter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;

import at.favre.lib.crypto.bcrypt.BCrypt;

/**
 * HTTP basic authentication against the bcrypt hashes of a web configuration. bcrypt is slow on
 * purpose, so a successful check is remembered (as a SHA-256 of user, password and hash; never the
 * password) and Prometheus' scrape every few seconds costs one hash per restart, not one per scrape.
 * An unknown user is checked against a dummy hash so that the answer takes as long as for a known one.
 */
final class BcryptAuthenticator extends BasicAuthenticator {
    private static final int REMEMBERED = 64;

    private final Map<String, String> users;
    private final String dummy;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    BcryptAuthenticator(String realm, Map<String, String> users) {
        super(realm, StandardCharsets.UTF_8);
        this.users = Map.copyOf(users);
        int cost = users.values().stream().findFirst().map(h -> Integer.parseInt(h.substring(h.length() - 56, h.length() - 54)))
                .orElse(10);
        this.dummy = BCrypt.withDefaults().hashToString(cost, "no such user".toCharArray());
    }

    /** A malformed Authorization header (bad base64) is a 401 like any wrong password, not a dropped connection. */
    @Override
    public Result authenticate(HttpExchange exchange) {
        try {
            return super.authenticate(exchange);
        } catch (IllegalArgumentException e) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + getRealm() + "\", charset=\"UTF-8\"");
            return new Retry(401);
        }
    }

    @Override
    public boolean checkCredentials(String user, String password) {
        String hash = users.get(user);
        String key = fingerprint(user, password, hash == null ? dummy : hash);
        if (hash != null && verified.contains(key)) {
            return true;
        }
        boolean ok = BCrypt.verifyer().verify(password.toCharArray(), (hash == null ? dummy : hash).toCharArray())
                .verified && hash != null;
        if (ok) {
            if (verified.size() >= REMEMBERED) {
                verified.clear();
            }
            verified.add(key);
        }
        return ok;
    }

    private static String fingerprint(String user, String password, String hash) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(user.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(password.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(hash.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
