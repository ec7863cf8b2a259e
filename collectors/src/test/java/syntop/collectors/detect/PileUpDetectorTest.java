package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static syntop.collectors.detect.Verdicts.contains;
import static syntop.collectors.detect.Verdicts.only;
import static syntop.collectors.detect.Verdicts.quiet;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import syntop.collectors.model.TcpState;

class PileUpDetectorTest {
    static Stream<Arguments> states() {
        return Stream.of(Arguments.of(TcpState.FIN_WAIT_1, Verdict.Kind.FIN_WAIT_1_PILE_UP, "do not acknowledge its FIN"),
                Arguments.of(TcpState.FIN_WAIT_2, Verdict.Kind.FIN_WAIT_2_PILE_UP, "do not close their side"),
                Arguments.of(TcpState.CLOSE_WAIT, Verdict.Kind.CLOSE_WAIT_PILE_UP, "the local application does not close"),
                Arguments.of(TcpState.LAST_ACK, Verdict.Kind.LAST_ACK_PILE_UP, "do not acknowledge the last FIN"));
    }

    @ParameterizedTest
    @MethodSource("states")
    void aPileAboveTheWarningLevelNamesTheTopPeer(TcpState state, Verdict.Kind kind, String meaning) {
        Ticks h = Ticks.linux().quiet(5).run(5, t -> t.state(state, 800).state(TcpState.ESTABLISHED, 50)
                .remote(state, "192.0.2.7", 700).remote(state, "192.0.2.8", 100));
        Verdict v = only(h.verdicts(), kind, Verdict.Severity.WARNING);
        contains(v, "800 " + state.name(), "top peer 192.0.2.7 (700 of 800, 2 peers listed)", meaning);
    }

    @ParameterizedTest
    @MethodSource("states")
    void aLargePileIsCritical(TcpState state, Verdict.Kind kind, String meaning) {
        Ticks h = Ticks.linux().run(3, t -> t.state(state, 6000));
        assertEquals(Verdict.Severity.CRITICAL, only(h.verdicts(), kind).severity());
    }

    @ParameterizedTest
    @MethodSource("states")
    void endsWhenThePileClears(TcpState state, Verdict.Kind kind, String meaning) {
        Ticks h = Ticks.linux().run(5, t -> t.state(state, 900));
        only(h.verdicts(), kind);
        h.run(1, t -> t.state(state, 20));
        quiet(h.verdicts());
    }

    @Test
    void closeWaitSaysTheApplicationDoesNotClose() {
        Ticks h = Ticks.linux().run(3, t -> t.state(TcpState.CLOSE_WAIT, 1200));
        assertEquals("CLOSE_WAIT pile-up: 1200, the local application does not close",
                only(h.verdicts(), Verdict.Kind.CLOSE_WAIT_PILE_UP).summary());
    }

    @Test
    void steadyGrowthFiresBelowTheWarningLevel() {
        long[] n = {100};
        Ticks h = Ticks.linux().run(8, t -> t.state(TcpState.CLOSE_WAIT, n[0] += 12));
        Verdict v = only(h.verdicts(), Verdict.Kind.CLOSE_WAIT_PILE_UP, Verdict.Severity.WARNING);
        contains(v, "196 CLOSE_WAIT", "+12/s over 5 samples", "and growing");
    }

    @Test
    void growthOfAFewIsNothing() {
        long[] n = {0};
        Ticks h = Ticks.linux().run(8, t -> t.state(TcpState.FIN_WAIT_2, n[0] += 12));
        quiet(h.verdicts());
        Ticks stable = Ticks.linux().run(20, t -> t.state(TcpState.FIN_WAIT_2, 300));
        quiet(stable.verdicts());
    }

    @Test
    void noStatesNeverFire() {
        Ticks h = Ticks.linux().run(3, t -> t.state(TcpState.CLOSE_WAIT, 9000)).run(1, t -> t.noStates());
        quiet(h.verdicts());
    }
}
