package syntop.collectors.model;

import java.util.Objects;

/** How many connections in one state one remote address holds. */
public record AddressCount(String address, long count) {
    public AddressCount {
        Objects.requireNonNull(address);
    }
}
