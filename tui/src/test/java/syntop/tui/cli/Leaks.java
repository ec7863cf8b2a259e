package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import syntop.collectors.bundle.Bundle;
import syntop.collectors.bundle.BundleTaker;
import syntop.collectors.net.Ip;
import syntop.collectors.redact.Pseudonyms;
import syntop.collectors.redact.Redactor;

/** Looks for a machine's real addresses and host name, in every form, in every file of a bundle. */
final class Leaks {
    private Leaks() {
    }

    /** Addresses from {@code ip -o addr} lines ({@code inet 10.99.0.2/24 …}, {@code inet6 fd00::2/64 …}). */
    static void fromIpAddr(Map<String, byte[]> real, String ipAddr) {
        Matcher m = Pattern.compile("\\binet6? ([0-9a-fA-F:.]+)/\\d+").matcher(ipAddr);
        while (m.find()) {
            byte[] a = Ip.parseV4(m.group(1)).or(() -> Ip.parseV6(m.group(1))).orElseThrow();
            real.put(Ip.format(a), a);
        }
    }

    /** Local and remote addresses of /proc/net/tcp and tcp6 text (hex words in this machine's byte order). */
    static void fromProcTables(Map<String, byte[]> real, String tables) {
        Matcher hex = Pattern.compile("^\\s*\\d+: ([0-9A-F]+):[0-9A-F]{4} ([0-9A-F]+):[0-9A-F]{4}", Pattern.MULTILINE)
                .matcher(tables);
        while (hex.find()) {
            for (String h : List.of(hex.group(1), hex.group(2))) {
                byte[] a = Redactor.fromProcHex(h, ByteOrder.nativeOrder());
                real.put(Ip.format(a), a);
            }
        }
    }

    static String procTables() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(f);
            if (Files.exists(p)) {
                try (var in = Files.newInputStream(p)) {
                    sb.append(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
                }
            }
        }
        return sb.toString();
    }

    static void assertNone(Bundle bundle, Map<String, byte[]> real, String hostname) {
        Pattern hostWord = Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(hostname) + "(?![A-Za-z0-9-])",
                Pattern.CASE_INSENSITIVE);
        for (Map.Entry<String, byte[]> f : bundle.files().entrySet()) {
            String text = new String(f.getValue(), StandardCharsets.ISO_8859_1);
            for (byte[] a : real.values()) {
                if (Pseudonyms.kept(a)) {
                    continue;
                }
                for (String form : Redactor.textForms(a)) {
                    assertFalse(BundleTaker.leakPattern(form).matcher(text).find(),
                            form + " (" + Ip.format(a) + ") is in " + f.getKey());
                }
            }
            if (!hostname.isEmpty() && !f.getKey().startsWith("proc/") && !f.getKey().contains("/proc/")) {
                assertFalse(hostWord.matcher(text).find(), "the host name is in " + f.getKey());
            }
        }
    }
}
