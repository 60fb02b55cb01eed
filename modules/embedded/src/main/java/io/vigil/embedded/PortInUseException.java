package io.vigil.embedded;

/** A port an embedded server needs is taken; the message names the setting to change. */
public final class PortInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int port;
    private final String setting;

    public PortInUseException(String server, int port, String setting) {
        super(
                "Port "
                        + port
                        + " on 127.0.0.1 is already in use, so the embedded "
                        + server
                        + " cannot start: set "
                        + setting
                        + " to a free port, or stop what holds it.");
        this.port = port;
        this.setting = setting;
    }

    public int port() {
        return port;
    }

    /** The configuration property that chooses this port. */
    public String setting() {
        return setting;
    }
}
