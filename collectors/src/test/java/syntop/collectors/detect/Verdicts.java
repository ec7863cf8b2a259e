package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Assertions on verdict lists. */
final class Verdicts {
    private Verdicts() {
    }

    static Optional<Verdict> find(List<Verdict> vs, Verdict.Kind kind) {
        return vs.stream().filter(v -> v.kind() == kind).findFirst();
    }

    static Verdict only(List<Verdict> vs, Verdict.Kind kind) {
        assertEquals(1, vs.size(), () -> "expected only " + kind + ", got " + vs);
        assertEquals(kind, vs.get(0).kind(), vs::toString);
        return vs.get(0);
    }

    /** The only verdict, of this kind and this severity. */
    static Verdict only(List<Verdict> vs, Verdict.Kind kind, Verdict.Severity severity) {
        Verdict v = only(vs, kind);
        assertEquals(severity, v.severity(), v::toString);
        return v;
    }

    /** The verdict names this port and says this. */
    static void says(Verdict v, int port, String summary) {
        assertEquals(OptionalInt.of(port), v.port(), v::toString);
        assertEquals(summary, v.summary());
    }

    static Verdict one(List<Verdict> vs, Verdict.Kind kind) {
        List<Verdict> of = vs.stream().filter(v -> v.kind() == kind).toList();
        assertEquals(1, of.size(), () -> "expected one " + kind + ", got " + vs);
        return of.get(0);
    }

    static void none(List<Verdict> vs, Verdict.Kind kind) {
        assertTrue(find(vs, kind).isEmpty(), () -> "expected no " + kind + ", got " + vs);
    }

    static void quiet(List<Verdict> vs) {
        assertTrue(vs.isEmpty(), () -> "expected all quiet, got " + vs);
    }

    static void contains(Verdict v, String... parts) {
        for (String p : parts) {
            assertTrue(v.summary().contains(p) || v.evidence().contains(p),
                    () -> "'" + p + "' not in\n  " + v.summary() + "\n  " + v.evidence());
        }
    }
}
