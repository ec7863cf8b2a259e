package syntop.collectors.model;

import java.util.Objects;

/** Which machine a snapshot describes. */
public record HostInfo(String hostname, OsFamily os, String osVersion) {
    public HostInfo {
        Objects.requireNonNull(hostname);
        Objects.requireNonNull(os);
        Objects.requireNonNull(osVersion);
    }
}
