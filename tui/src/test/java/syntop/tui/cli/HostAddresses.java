package syntop.tui.cli;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** This machine's interface addresses as bytes, as {@code ip -o addr} lists them, without running ip. */
final class HostAddresses {
    private HostAddresses() {
    }

    static List<byte[]> all() throws SocketException {
        List<byte[]> out = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                out.add(a.getAddress());
            }
        }
        return out;
    }
}
