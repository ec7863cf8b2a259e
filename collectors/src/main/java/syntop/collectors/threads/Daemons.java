package syntop.collectors.threads;

import java.util.concurrent.ThreadFactory;

/**
 * syntop's background threads (probes, the recorder's writer, the exporter's sampler): daemons, so
 * none of them keeps the JVM running once the command is done, each named for what it does, as
 * a thread dump shows it.
 */
public final class Daemons {
    private Daemons() {
    }

    /** A daemon thread named {@code name} that runs {@code body}; not started. */
    public static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    /** Daemon threads named {@code name}, for a pool. */
    public static ThreadFactory named(String name) {
        return body -> thread(name, body);
    }
}
