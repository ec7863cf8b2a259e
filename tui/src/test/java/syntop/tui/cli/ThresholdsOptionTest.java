package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.detect.Thresholds;

class ThresholdsOptionTest {
    @Test
    void theConfigFileIsReadAndItsMistakesAreSaid(@TempDir Path home) throws Exception {
        Path conf = home.resolve(".config/syntop/thresholds.conf");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, "syn.rcvd.high = 1000\nno.such.key = 3\n");
        StringWriter err = new StringWriter();
        Thresholds t = new ThresholdsOption().load(Map.of("HOME", home.toString()), new PrintWriter(err, true)).orElseThrow();
        assertEquals(1000, t.synRcvdHigh());
        assertTrue(err.toString().contains("no.such.key"), err.toString());
    }

    @Test
    void withoutAFileTheDefaultsApply(@TempDir Path home) {
        Thresholds t = new ThresholdsOption().load(Map.of("HOME", home.toString()), new PrintWriter(new StringWriter()))
                .orElseThrow();
        assertEquals(Thresholds.defaults(), t);
    }

    @Test
    void aFileTooLargeToBeOneIsRefusedInWords(@TempDir Path dir) throws Exception {
        Path line = dir.resolve("one-line.conf");
        Files.write(line, "x".repeat((int) ThresholdsOption.MAX_BYTES + 1).getBytes());
        for (Path f : List.of(line, Path.of("/dev/zero"))) {
            if (!Files.exists(f)) {
                continue;
            }
            Cli r = Cli.run("once", "--thresholds", f.toString(), "--interval", "0");
            assertEquals(ExitCodes.USAGE, r.exit, r.err);
            assertTrue(r.err.contains("cannot read thresholds " + f + ": too large (over 1 MiB)"), r.err);
        }
    }

    @Test
    void anExplicitFileThatCannotBeReadIsAUsageError(@TempDir Path dir) {
        Cli r = Cli.run("once", "--thresholds", dir.resolve("missing.conf").toString(), "--interval", "0");
        assertEquals(ExitCodes.USAGE, r.exit);
        assertTrue(r.err.contains("cannot read thresholds"), r.err);
    }
}
