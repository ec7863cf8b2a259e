package syntop.collectors.model;

/** Formatting of address/port pairs the way operators read them. */
public final class Endpoints {
    private Endpoints() {
    }

    public static String format(String address, int port) {
        if (address.indexOf(':') >= 0) {
            return "[" + address + "]:" + port;
        }
        return address + ":" + port;
    }
}
