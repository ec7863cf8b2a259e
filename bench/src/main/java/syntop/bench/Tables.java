package syntop.bench;

import java.util.Locale;

/**
 * Big connection tables for the parser benchmarks, generated in the exact row formats of real
 * captures (the project's fixtures): synthetic contents, real layout. A mix of states as a flood
 * leaves them: mostly ESTABLISHED and TIME_WAIT, some SYN_RECV from many peers.
 */
final class Tables {
    private Tables() {
    }

    private static int state(int i) {
        int r = i % 20;
        return r < 13 ? 0x01 : r < 19 ? 0x06 : 0x03;
    }

    /** {@code /proc/net/tcp} with {@code rows} sockets (Linux 6.18 layout). */
    static String procNetTcp(int rows) {
        StringBuilder b = new StringBuilder(rows * 160);
        b.append("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n");
        for (int i = 0; i < rows; i++) {
            int peer = 0x0100000A + ((i % 65000) << 8);
            b.append(String.format(Locale.ROOT,
                    "%4d: 0200630A:1F90 %08X:%04X %02X 00000000:00000000 00:00000000 00000000     0        0 %d 1 "
                            + "0000000000000000 20 4 30 10 -1%n", i, peer, 1024 + i % 60000, state(i), 100000 + i));
        }
        return b.toString();
    }

    /** FreeBSD {@code netstat -an -p tcp} with {@code rows} connections (FreeBSD 12.1 layout). */
    static String netstatAn(int rows) {
        StringBuilder b = new StringBuilder(rows * 90);
        b.append("Active Internet connections (including servers)\n");
        b.append("Proto Recv-Q Send-Q Local Address          Foreign Address        (state)\n");
        for (int i = 0; i < rows; i++) {
            String st = state(i) == 0x01 ? "ESTABLISHED" : state(i) == 0x06 ? "TIME_WAIT" : "SYN_RCVD";
            b.append(String.format(Locale.ROOT, "tcp4       0      0 192.0.2.10.443         10.%d.%d.%d.%-5d   %s%n",
                    (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff, 1024 + i % 60000, st));
        }
        return b.toString();
    }

    /** {@code ss -Htan state syn-recv …} with {@code rows} half-open sockets (iproute2 6.1 layout). */
    static String ssStates(int rows) {
        StringBuilder b = new StringBuilder(rows * 60);
        for (int i = 0; i < rows; i++) {
            b.append(String.format(Locale.ROOT, "SYN-RECV 0      0      10.99.0.2:8080 10.%d.%d.%d:%d%n",
                    (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff, 1024 + i % 60000));
        }
        return b.toString();
    }
}
