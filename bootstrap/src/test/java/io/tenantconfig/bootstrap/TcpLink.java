package io.tenantconfig.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance's network path to the database, which a test can cut (every connection through it
 * is closed and new ones are refused: a partition) and restore, while other instances reach the
 * database directly.
 */
final class TcpLink implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket server;

    private TcpLink(int targetPort, int port) {
        this.targetPort = targetPort;
        this.port = port;
    }

    /** A link on a free port of the loopback interface to {@code targetPort} there, open. */
    static TcpLink to(int targetPort) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, LOOPBACK)) {
            port = probe.getLocalPort();
        }
        TcpLink link = new TcpLink(targetPort, port);
        link.restore();
        return link;
    }

    /** The JDBC URL of the database through this link. */
    String jdbcUrl() {
        return "jdbc:postgresql://" + LOOPBACK.getHostAddress() + ":" + port + "/postgres";
    }

    synchronized void restore() throws IOException {
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress(LOOPBACK, port));
        server = listening;
        daemon("tcp-link-accept", () -> accept(listening));
    }

    /** Closes every connection through the link and refuses new ones. */
    synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket database = new Socket(LOOPBACK, targetPort);
                open.add(client);
                open.add(database);
                daemon("tcp-link-up", () -> pipe(client, database));
                daemon("tcp-link-down", () -> pipe(database, client));
            } catch (IOException e) {
                return; // closed by cut()
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // One side went away: so does the other.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
