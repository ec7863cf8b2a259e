package syntop.tui.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** A loopback listener of this JVM with a small backlog and connections it never accepts: a known accept queue. */
final class UnacceptedListener implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> clients = new ArrayList<>();

    private UnacceptedListener(ServerSocket server) {
        this.server = server;
    }

    /** Listens with {@code backlog} and connects {@code clients} times; the kernel completes them, nobody accepts. */
    static UnacceptedListener open(int backlog, int clients) throws IOException {
        UnacceptedListener l = new UnacceptedListener(new ServerSocket());
        try {
            l.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
            for (int i = 0; i < clients; i++) {
                l.clients.add(new Socket(InetAddress.getLoopbackAddress(), l.port()));
            }
            return l;
        } catch (IOException e) {
            l.close();
            throw e;
        }
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : clients) {
            s.close();
        }
        server.close();
    }
}
