package syntop.collectors.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import syntop.collectors.detect.Verdict;
import syntop.collectors.model.HostInfo;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.judge.LivePipeline;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.ProcessCommandRunner;
import syntop.collectors.threads.Daemons;

/**
 * {@code --on-verdict}: runs a command (an argument vector, no shell) when a verdict starts, that is
 * when a kind and port appear that were not there the tick before, with the verdict in
 * {@code SYNTOP_VERDICT_*} environment variables. Rate-limited twice: one run per kind and port per
 * {@code perKey}, and at most {@code perHour} runs in any hour. Commands run one at a time on their
 * own thread with a time limit, so a slow one never delays sampling; starts that come while the
 * queue is full are dropped, and said so.
 */
public final class VerdictHooks implements LivePipeline.Listener, AutoCloseable {
    /** Runs one command to its end (or its time limit) and returns its result. */
    public interface Runner {
        CommandResult run(List<String> argv, Map<String, String> env, Duration timeout);
    }

    /** The rate limits. */
    public record Limits(Duration perKey, int perHour) {
        public Limits {
            Objects.requireNonNull(perKey);
            if (perHour < 1) {
                throw new IllegalArgumentException("perHour must be at least 1");
            }
        }

        public static Limits defaults() {
            return new Limits(Duration.ofMinutes(5), 12);
        }
    }

    private static final int QUEUE = 4;
    private static final long OUTPUT_CAP = 64 * 1024;

    private final List<String> argv;
    private final HostInfo host;
    private final Runner runner;
    private final Clock clock;
    private final Limits limits;
    private final Duration timeout;
    private final Consumer<String> say;
    private final Executor executor;
    private final ThreadPoolExecutor ownPool;
    private Set<String> before = Set.of();
    private final Map<String, Instant> lastRun = new HashMap<>();
    private final Deque<Instant> runs = new ArrayDeque<>();
    private Instant hourlyWarned;

    /** The production hooks: real processes on one background thread. */
    public static VerdictHooks processes(List<String> argv, HostInfo host, Duration timeout, Consumer<String> say) {
        ProcessCommandRunner p = new ProcessCommandRunner();
        return new VerdictHooks(argv, host, (a, env, t) -> p.run(a, env, t, OUTPUT_CAP), Clock.systemUTC(),
                Limits.defaults(), timeout, say, null);
    }

    /**
     * @param executor where commands run; null for one background thread with a small queue
     */
    public VerdictHooks(List<String> argv, HostInfo host, Runner runner, Clock clock, Limits limits, Duration timeout,
                        Consumer<String> say, Executor executor) {
        this.argv = List.copyOf(argv);
        this.host = host;
        this.runner = runner;
        this.clock = clock;
        this.limits = limits;
        this.timeout = timeout;
        this.say = say;
        if (executor == null) {
            ownPool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), Daemons.named("syntop-on-verdict"), (r, pool) -> say.accept("--on-verdict: " + QUEUE + " commands are waiting already; this verdict's is dropped"));
            this.executor = ownPool;
        } else {
            ownPool = null;
            this.executor = executor;
        }
    }

    @Override
    public synchronized void onTick(JudgedTick tick, List<SourceResult> results) {
        Map<String, Verdict> now = new LinkedHashMap<>();
        for (Verdict v : tick.verdicts()) {
            now.putIfAbsent(key(v), v);
        }
        Set<String> started = new HashSet<>(now.keySet());
        started.removeAll(before);
        before = Set.copyOf(now.keySet());
        for (Map.Entry<String, Verdict> e : now.entrySet()) {
            if (started.contains(e.getKey())) {
                started(e.getKey(), e.getValue(), tick.snapshot().at());
            }
        }
    }

    private void started(String key, Verdict v, Instant at) {
        Instant t = clock.instant();
        Instant last = lastRun.get(key);
        if (last != null && Duration.between(last, t).compareTo(limits.perKey()) < 0) {
            return; // ran for this kind and port a moment ago
        }
        while (!runs.isEmpty() && Duration.between(runs.peekFirst(), t).compareTo(Duration.ofHours(1)) >= 0) {
            runs.removeFirst();
        }
        if (runs.size() >= limits.perHour()) {
            if (hourlyWarned == null || Duration.between(hourlyWarned, t).compareTo(Duration.ofHours(1)) >= 0) {
                hourlyWarned = t;
                say.accept("--on-verdict: ran " + runs.size() + " times in the last hour, the most allowed; "
                        + "not running it for " + describe(v) + " (nor for others until an hour has passed)");
            }
            return;
        }
        lastRun.put(key, t);
        runs.addLast(t);
        Map<String, String> env = environment(v, host, at);
        executor.execute(() -> report(v, runner.run(argv, env, timeout)));
    }

    private void report(Verdict v, CommandResult r) {
        String cmd = argv.get(0);
        switch (r.outcome()) {
            case COMPLETED:
                if (r.exitCode() != 0) {
                    String err = r.stderr().strip();
                    int nl = err.indexOf('\n');
                    say.accept("--on-verdict: " + cmd + " for " + describe(v) + " exited with status " + r.exitCode()
                            + (err.isEmpty() ? "" : ": " + (nl < 0 ? err : err.substring(0, nl))));
                }
                break;
            case TIMEOUT:
                say.accept("--on-verdict: " + cmd + " for " + describe(v) + " ran longer than "
                        + timeout.toSeconds() + " s and was stopped");
                break;
            default:
                say.accept("--on-verdict: " + cmd + " for " + describe(v) + " did not run: " + r.detail());
                break;
        }
    }

    static String key(Verdict v) {
        return v.kind().label() + (v.port().isPresent() ? ":" + v.port().getAsInt() : "");
    }

    private static String describe(Verdict v) {
        return v.kind().label() + (v.port().isPresent() ? " on :" + v.port().getAsInt() : "");
    }

    /** The variables a hook sees. */
    public static Map<String, String> environment(Verdict v, HostInfo host, Instant at) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SYNTOP_VERDICT_KIND", v.kind().label());
        env.put("SYNTOP_VERDICT_SEVERITY", v.severity().name().toLowerCase(Locale.ROOT));
        env.put("SYNTOP_VERDICT_PORT", v.port().isPresent() ? String.valueOf(v.port().getAsInt()) : "");
        env.put("SYNTOP_VERDICT_SUMMARY", v.summary());
        env.put("SYNTOP_VERDICT_EVIDENCE", v.evidence());
        env.put("SYNTOP_VERDICT_HOST", host.hostname());
        env.put("SYNTOP_VERDICT_AT", at.toString());
        return env;
    }

    /** Waits a little for a running command, then stops waiting (the command's own time limit still holds). */
    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.shutdown();
            try {
                ownPool.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
