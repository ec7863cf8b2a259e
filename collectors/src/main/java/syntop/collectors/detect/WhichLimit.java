package syntop.collectors.detect;

import java.util.OptionalLong;

import syntop.collectors.detect.Signals.CookieSetting;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;

/**
 * Which setting makes a listener's queue as small as it is, and the value that would lift it, from
 * the values syntop reads. A listener's limit is min(listen() backlog, somaxconn) as it was at
 * listen() time (Linux net/socket.c {@code __sys_listen}, FreeBSD {@code solisten_proto}); the
 * backlog itself is not visible, so a limit equal to somaxconn says only that the application asked
 * for at least that much. Linux also stops half-open connections at 3/4 of
 * {@code tcp_max_syn_backlog} while cookies are off ({@code tcp_conn_request}). FreeBSD admits completed
 * connections up to 1.5 × the limit (listen(2)); macOS counts half-open and completed connections
 * together and refuses at the limit itself (xnu {@code sonewconn_internal} with the default
 * {@code kern.ipc.soqlimitcompat=1}).
 */
final class WhichLimit {
    static final String LINUX_SOMAXCONN = "net.core.somaxconn";
    static final String BSD_SOMAXCONN = "kern.ipc.somaxconn";
    static final String BSD_SOACCEPTQUEUE = "kern.ipc.soacceptqueue";

    private WhichLimit() {
    }

    /** The accept queue's limit, and what lifts it: ":443 accept queue 511 = listen() backlog 511 (somaxconn 4096 is not the limit): …". */
    static String acceptQueue(Snapshot s, ListenQueue q) {
        OsFamily os = s.host().os();
        String queue = ":" + q.port() + " accept queue " + q.limit().getAsLong();
        String admits = os == OsFamily.FREEBSD ? " (admitted up to 1.5 × that)"
                : os == OsFamily.MACOS ? " (half-open connections count against it too)" : "";
        return queue + admits + " " + attribution(s, q);
    }

    /** The half-open cap of the listener in SYN trouble, which setting sets it, and what lifts it. */
    static String halfOpen(Snapshot s, ListenQueue q) {
        OsFamily os = s.host().os();
        long limit = q.limit().getAsLong();
        if (os == OsFamily.FREEBSD) {
            return "half-open connections wait in the syncache (net.inet.tcp.syncache.cachelimit, set at boot by "
                    + "hashsize × bucketlimit), not in :" + q.port() + "'s queue of " + limit + "; SYN cookies answer "
                    + "when a bucket is full (net.inet.tcp.syncookies)";
        }
        if (os == OsFamily.MACOS) {
            return "half-open connections share :" + q.port() + "'s queue of " + limit + " (macOS has no syncache or "
                    + "cookies; at the limit a random half-open entry is dropped for each new SYN): the limit "
                    + attribution(s, q);
        }
        CookieSetting cookies = Signals.cookieSetting(s);
        OptionalLong msb = Signals.tunableLong(s, SynPressure.LINUX_MAX_SYN_BACKLOG);
        if (cookies == CookieSetting.OFF && msb.isPresent() && msb.getAsLong() > 0) {
            long m = msb.getAsLong();
            long second = m - (m >> 2);
            if (second < limit) {
                long lift = limit * 4 / 3; // the smallest m with m - m/4 >= limit: at most two steps from here
                while (lift - (lift >> 2) < limit) {
                    lift++;
                }
                // the kernel drops once the queue holds more than m - m/4, so it holds at most that + 1
                return "half-open capped at " + second + " + 1 = 3/4 of tcp_max_syn_backlog " + m
                        + ", plus one, while cookies are off (the listener's limit " + limit + " is not the limit): "
                        + "net.ipv4.tcp_max_syn_backlog " + lift + " or more lifts it, or tcp_syncookies=1";
            }
        }
        String beyond;
        switch (cookies) {
            case OFF: beyond = "beyond it SYNs are dropped (tcp_syncookies=1 would answer them with cookies)"; break;
            case ON: case ALWAYS: beyond = "beyond it SYN cookies answer"; break;
            default: beyond = "whether cookies answer beyond it is unknown (tcp_syncookies unread)"; break;
        }
        return "half-open capped at " + limit + " + 1 = the listener's limit, " + beyond + "; the limit "
                + attribution(s, q);
    }

    /** "= listen() backlog 511 (somaxconn 4096 is not the limit): raise the application's backlog", and the other cases. */
    private static String attribution(Snapshot s, ListenQueue q) {
        long limit = q.limit().getAsLong();
        boolean linux = s.host().os() == OsFamily.LINUX;
        String key = linux ? LINUX_SOMAXCONN : BSD_SOMAXCONN;
        OptionalLong somaxconn = Signals.tunableLong(s, key);
        if (somaxconn.isEmpty() && !linux) {
            key = BSD_SOACCEPTQUEUE;
            somaxconn = Signals.tunableLong(s, key);
        }
        if (somaxconn.isEmpty()) {
            return "= min(listen() backlog, somaxconn); somaxconn was not read, so which of the two is not known";
        }
        long cap = somaxconn.getAsLong();
        if (limit < cap) {
            return "= listen() backlog " + limit + " (somaxconn " + cap + " is not the limit): raise the "
                    + "application's backlog (nginx listen … backlog=N, Apache ListenBacklog) and restart it";
        }
        if (limit == cap) {
            return "= somaxconn " + cap + " (the application asked for " + cap + " or more; its own backlog cannot "
                    + "be seen): raise " + key + " above " + cap + ", then restart the application, whose backlog "
                    + "must be as large";
        }
        return "is above somaxconn " + cap + ": somaxconn was lowered after the application called listen(), and "
                + "the listener keeps " + limit + " until it listens again";
    }
}
