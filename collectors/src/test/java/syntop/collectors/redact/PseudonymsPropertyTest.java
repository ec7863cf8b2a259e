package syntop.collectors.redact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import syntop.collectors.net.Ip;

/**
 * The promises of the pseudonym scheme, over random keys and addresses (IPv4, IPv6, IPv4-mapped,
 * link-local; biased towards shared networks so grouping is tested): stable, family-preserving,
 * prefix-grouping-preserving in both directions, injective, and never the address itself.
 */
class PseudonymsPropertyTest {
    @Property(tries = 200)
    void stableWithinABundleAndRepeatableUnderOneKey(@ForAll("keys") byte[] key, @ForAll("addressLists") List<byte[]> addrs) {
        Pseudonyms p = reserved(key, addrs);
        Pseudonyms q = reserved(key, addrs);
        for (byte[] a : addrs) {
            byte[] first = p.map(a);
            assertArrayEquals(first, p.map(a), Ip.format(a));
            assertArrayEquals(first, q.map(a), Ip.format(a));
        }
    }

    @Property(tries = 200)
    void familyIsKept(@ForAll("keys") byte[] key, @ForAll("addressLists") List<byte[]> addrs) {
        Pseudonyms p = reserved(key, addrs);
        for (byte[] a : addrs) {
            byte[] m = p.map(a);
            assertEquals(a.length, m.length, Ip.format(a));
            assertEquals(Ip.isV4Mapped(a), Ip.isV4Mapped(m), Ip.format(a));
            assertEquals(Pseudonyms.kept(a), Pseudonyms.kept(m), Ip.format(a));
        }
    }

    @Property(tries = 200)
    void neverTheAddressItselfUnlessKept(@ForAll("keys") byte[] key, @ForAll("addressLists") List<byte[]> addrs) {
        Pseudonyms p = reserved(key, addrs);
        for (byte[] a : addrs) {
            byte[] m = p.map(a);
            if (Pseudonyms.kept(a)) {
                assertArrayEquals(a, m);
            } else {
                assertFalse(Arrays.equals(a, m), Ip.format(a) + " mapped to itself");
                // nor to any other real address of the bundle
                for (byte[] b : addrs) {
                    assertFalse(Arrays.equals(b, m), Ip.format(a) + " mapped onto real " + Ip.format(b));
                }
            }
        }
    }

    @Property(tries = 200)
    void prefixGroupsAreKeptBothWaysAndHostsStayApart(@ForAll("keys") byte[] key,
                                                      @ForAll("addressLists") List<byte[]> addrs) {
        Pseudonyms p = reserved(key, addrs);
        for (byte[] a : addrs) {
            for (byte[] b : addrs) {
                if (a.length != b.length || Pseudonyms.kept(a) || Pseudonyms.kept(b)) {
                    continue;
                }
                byte[] ma = p.map(a);
                byte[] mb = p.map(b);
                String pair = Ip.format(a) + " / " + Ip.format(b);
                assertEquals(sameNet(a, b), sameNet(ma, mb), pair);
                assertEquals(Arrays.equals(a, b), Arrays.equals(ma, mb), pair);
            }
        }
    }

    @Property(tries = 100)
    void pseudonymsLandInTheDocumentedRanges(@ForAll("keys") byte[] key, @ForAll("addressLists") List<byte[]> addrs) {
        Pseudonyms p = reserved(key, addrs);
        for (byte[] a : addrs) {
            if (Pseudonyms.kept(a)) {
                continue;
            }
            byte[] m = p.map(a);
            byte[] v4 = m.length == 4 ? m : Ip.isV4Mapped(m) ? Ip.mappedV4(m) : null;
            if (v4 != null) {
                assertEquals(10, v4[0] & 0xff, Ip.format(m));
            } else if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80) {
                assertArrayEquals(Arrays.copyOf(a, 8), Arrays.copyOf(m, 8), "link-local prefix kept");
            } else {
                assertEquals(0xfd, m[0] & 0xff, Ip.format(m));
            }
        }
    }

    @Property(tries = 5)
    void aCrowdedBundleStillGetsDistinctNetworks(@ForAll("keys") byte[] key) {
        Pseudonyms p = new Pseudonyms(key);
        java.util.Set<Integer> nets = new java.util.HashSet<>();
        for (int i = 0; i < 2000; i++) {
            byte[] m = p.map(new byte[] {(byte) 100, (byte) (i >>> 8), (byte) i, 7});
            assertTrue(nets.add(((m[1] & 0xff) << 8) | (m[2] & 0xff)), "two /24s share a pseudonym /24");
        }
    }

    private static Pseudonyms reserved(byte[] key, List<byte[]> addrs) {
        Pseudonyms p = new Pseudonyms(key);
        addrs.forEach(p::reserve);
        return p;
    }

    /** Same /24 for IPv4 (and IPv4-mapped), same /64 for IPv6. */
    private static boolean sameNet(byte[] a, byte[] b) {
        if (Ip.isV4Mapped(a) && Ip.isV4Mapped(b)) {
            return sameNet(Ip.mappedV4(a), Ip.mappedV4(b));
        }
        if (Ip.isV4Mapped(a) != Ip.isV4Mapped(b)) {
            return false;
        }
        int n = a.length == 4 ? 3 : 8;
        return Arrays.equals(Arrays.copyOf(a, n), Arrays.copyOf(b, n));
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }

    @Provide
    Arbitrary<List<byte[]>> addressLists() {
        return addresses().list().ofMinSize(1).ofMaxSize(40);
    }

    private Arbitrary<byte[]> addresses() {
        // few networks, so that many addresses share one
        Arbitrary<byte[]> v4 = Combinators.combine(Arbitraries.of(10, 127, 192, 203, 0, 255, 100),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 255))
                .as((a, net, host) -> new byte[] {(byte) a.intValue(), (byte) (a == 255 ? 255 : 99), (byte) (a == 255 ? 255 : net),
                    (byte) (a == 0 ? 0 : a == 255 ? 255 : host)});
        Arbitrary<byte[]> v6 = Combinators.combine(Arbitraries.of(0x2001, 0xfd00, 0xfe80, 0x0000),
                Arbitraries.integers().between(0, 2), Arbitraries.longs())
                .as((top, net, iid) -> {
                    byte[] b = new byte[16];
                    b[0] = (byte) (top >>> 8);
                    b[1] = (byte) (int) top;
                    b[7] = (byte) (top == 0 ? 0 : net);
                    long host = top == 0 ? (iid & 1) : iid;
                    for (int i = 0; i < 8; i++) {
                        b[15 - i] = (byte) (host >>> (8 * i));
                    }
                    return b;
                });
        Arbitrary<byte[]> mapped = v4.map(Ip::toMapped);
        return Arbitraries.oneOf(v4, v4, v6, mapped);
    }
}
