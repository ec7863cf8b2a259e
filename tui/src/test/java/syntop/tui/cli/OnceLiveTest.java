package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@code syntop once} against this machine's real kernel, checked against {@code ss} taken in the same test. */
@EnabledOnOs(OS.LINUX)
class OnceLiveTest {

    @Test
    void jsonAgreesWithSsAndKnowsTheBacklogOfANewListener() throws Exception {
        // backlog 7, three connections never accepted
        try (UnacceptedListener server = UnacceptedListener.open(7, 3)) {
            int port = server.port();
            Map<String, Integer> before = ssStateCounts();
            Cli r = Cli.run("once", "--format", "json", "--interval", "0");
            Map<String, Integer> after = ssStateCounts();
            assertTrue(r.exit == 0 || r.exit == 1, r.err);
            String listener = listenerBlock(r.out, port);
            assertTrue(listener.contains("\"limit\": 7"), listener);
            assertTrue(listener.contains("\"accept_queue\": 3"), listener);
            assertTrue(listener.contains("\"syn_queue\": 0"), listener);
            // ss -ltnp names the owner to root; to another user its own processes only
            assertTrue(listener.replaceAll("\\s+", " ").contains("\"process\": { \"pid\": " + ProcessHandle.current().pid()
                    + ", \"name\": \"java\" }"), listener);
            for (String state : List.of("established", "listen", "time_wait", "syn_rcvd")) {
                int ours = stateCount(r.out, state);
                int lo = Math.min(before.getOrDefault(state, 0), after.getOrDefault(state, 0));
                int hi = Math.max(before.getOrDefault(state, 0), after.getOrDefault(state, 0));
                // the churn of that moment: allow what changed between the two ss runs, plus a little
                assertTrue(ours >= lo - 3 && ours <= hi + 3, state + ": syntop " + ours + ", ss " + lo + ".." + hi);
            }
            assertTrue(stateCount(r.out, "established") >= 6, "3 client and 3 server ends");
        }
    }

    private static String listenerBlock(String json, int port) {
        Matcher m = Pattern.compile("\\{[^{}]*\"port\": " + port + ",(?:[^{}]|\\{[^{}]*})*}").matcher(json);
        assertTrue(m.find(), "no listener on port " + port + " in\n" + json);
        return m.group();
    }

    private static int stateCount(String json, String state) {
        Matcher m = Pattern.compile("\"states\": \\{[^}]*\"" + state + "\": (\\d+)").matcher(json);
        assertTrue(m.find(), state + " missing");
        return Integer.parseInt(m.group(1));
    }

    /** {@code ss -tan} tallied per state, with ss's names mapped to syntop's JSON labels. */
    private static Map<String, Integer> ssStateCounts() throws Exception {
        Process p = new ProcessBuilder("ss", "-Htan").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        Map<String, String> names = Map.of("ESTAB", "established", "LISTEN", "listen", "TIME-WAIT", "time_wait",
                "SYN-RECV", "syn_rcvd");
        Map<String, Integer> counts = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 0 && names.containsKey(f[0])) {
                counts.merge(names.get(f[0]), 1, Integer::sum);
            }
        }
        return counts;
    }
}
