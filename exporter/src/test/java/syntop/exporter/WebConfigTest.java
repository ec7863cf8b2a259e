package syntop.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebConfigTest {
    static final String HASH = "$2y$10$" + "N0Wq3u4Zf1k2nq1bC9Rzde1hC7m5JQk0o0x0aQm4kq7o6b0z9Zb1K".substring(0, 53);
    private static final Path FILE = Path.of("/etc/syntop/web.yml");

    @Test
    void theExporterToolkitShapeIsRead() throws Exception {
        WebConfig c = WebConfig.parse("""
                ---
                # TLS and users, as node_exporter reads them
                tls_server_config:
                  cert_file: server.crt   # next to this file
                  key_file: "/etc/ssl/private/syntop.key"
                basic_auth_users:
                  prometheus: %s
                  'ops team': "%s"
                """.formatted(HASH, HASH), FILE);
        assertEquals(Path.of("/etc/syntop/server.crt"), c.tls().orElseThrow().certFile());
        assertEquals(Path.of("/etc/ssl/private/syntop.key"), c.tls().orElseThrow().keyFile());
        assertEquals(Map.of("prometheus", HASH, "ops team", HASH), c.users());
    }

    @Test
    void emptyAndEmptySectionsMeanNoTlsNoAuth() throws Exception {
        assertEquals(WebConfig.NONE, WebConfig.parse("", FILE));
        assertEquals(WebConfig.NONE, WebConfig.parse("# nothing\n\nbasic_auth_users: {}\n", FILE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tls_server_config:\\n  cert_file: a\\n                       | line 1: tls_server_config needs both cert_file and key_file",
        "tls_server_config:\\n  cert_file: a\\n  key_file: b\\n  min_version: TLS13\\n | line 4: tls_server_config.min_version is an exporter-toolkit setting that syntop serve does not support",
        "tls_server_config:\\n  crt_file: a\\n                        | line 2: unknown key tls_server_config.crt_file",
        "http_server_config:\\n  http2: false\\n                     | line 1: 'http_server_config' is an exporter-toolkit setting",
        "basic_auth:\\n  u: x\\n                                       | line 1: unknown key 'basic_auth'",
        "basic_auth_users:\\n  alice: secret\\n                          | line 2: the password of user 'alice' is not a bcrypt hash",
        "basic_auth_users:\\n\\talice: x\\n                              | line 2: a tab in the indentation",
        "basic_auth_users:\\n  alice: a\\n    bob: b\\n                   | line 3: nested mappings are not supported",
        "basic_auth_users:\\n    alice: a\\n  bob: b\\n                   | line 3: inconsistent indentation",
        "basic_auth_users:\\n  - alice\\n                                  | line 2: lists are not used",
        "basic_auth_users: alice\\n                                    | line 1: 'basic_auth_users' must be a mapping",
        "basic_auth_users:\\n  alice: 'x\\n                                 | line 2: unterminated single-quoted string",
        "basic_auth_users:\\n  alice: [a, b]\\n                             | line 2: '[a, b]': flow collections",
        "basic_auth_users:\\nbasic_auth_users:\\n                             | line 2: 'basic_auth_users' appears twice (first on line 1)",
        "'  alice: x'                                                  | line 1: unexpected indentation",
        "just text\\n                                                   | line 1: expected 'key: value'",
        "basic_auth_users:\\n  alice:\\n                                    | line 2: 'alice' has no value",
        "a: 1\\n---\\nb: 2\\n                                           | line 1: unknown key 'a'",
        "basic_auth_users:\\n  a:b: x\\n                                    | line 2: 'a:b' is not a key",
    })
    void malformedConfigsSayWhatAndWhere(String text, String expected) {
        ServeException e = assertThrows(ServeException.class,
                () -> WebConfig.parse(text.stripTrailing().replace("\\n", "\n").replace("\\t", "\t"), FILE));
        assertTrue(e.isUsage());
        assertTrue(e.getMessage().startsWith("web config /etc/syntop/web.yml: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected.strip()), e.getMessage());
    }

    @Test
    void duplicateUsersAreAnError() {
        ServeException e = assertThrows(ServeException.class, () -> WebConfig.parse(
                "basic_auth_users:\n  a: " + HASH + "\n  a: " + HASH + "\n", FILE));
        assertTrue(e.getMessage().contains("line 3: 'a' appears twice in basic_auth_users (first on line 2)"),
                e.getMessage());
    }

    @Test
    void aMissingOrBinaryFileIsAClearError(@TempDir Path dir) throws Exception {
        ServeException missing = assertThrows(ServeException.class, () -> WebConfig.load(dir.resolve("none.yml")));
        assertTrue(missing.getMessage().contains("cannot read web config"), missing.getMessage());
        Path bin = dir.resolve("bin.yml");
        Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        ServeException binary = assertThrows(ServeException.class, () -> WebConfig.load(bin));
        assertTrue(binary.getMessage().contains("not UTF-8"), binary.getMessage());
    }

    @Test
    void anEmptyFileServesWithAWarningAsExporterToolkitWouldServeIt(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("web.yml"), "");
        WebConfig web = WebConfig.load(empty);
        assertFalse(web.hasTls());
        assertFalse(web.hasBasicAuth());
        assertEquals(List.of("web config " + empty + " sets neither tls_server_config nor basic_auth_users: serving "
                + "plain HTTP, without a password, to anyone who can reach the port"), web.warnings(empty));
        WebConfig usersOnly = WebConfig.parse("basic_auth_users:\n  a: " + HASH + "\n", FILE);
        assertTrue(usersOnly.warnings(FILE).get(0).contains("passwords cross the network in clear text"));
    }

    @Test
    void aHugeFileIsTooLargeNotAnOutOfMemoryError(@TempDir Path dir) throws Exception {
        Path line = dir.resolve("line.yml");
        try (RandomAccessFile f = new RandomAccessFile(line.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024); // a 50 MB line (of NULs), sparse on disk
        }
        for (Path p : List.of(line, Path.of("/dev/zero"))) {
            ServeException e = assertThrows(ServeException.class, () -> WebConfig.load(p));
            assertTrue(e.getMessage().contains("web config " + p + " is too large (more than 256 KiB;"), e.getMessage());
        }
    }
}
