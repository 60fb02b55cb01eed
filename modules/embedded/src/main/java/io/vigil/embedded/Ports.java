package io.vigil.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks on the loopback address, where every embedded server binds. */
final class Ports {

    private Ports() {}

    /**
     * Returns {@code port} if it is free, a free port if it is 0.
     *
     * @throws PortInUseException if the port is taken
     */
    static int claim(int port, String server, String setting) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as the servers do: TIME_WAIT is not "in use"
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket.getLocalPort();
        } catch (IOException e) {
            if (port == 0) {
                throw new UncheckedIOException("no free port on 127.0.0.1", e);
            }
            throw new PortInUseException(server, port, setting);
        }
    }
}
