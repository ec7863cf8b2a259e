package syntop.collectors.redact;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import syntop.collectors.net.Ip;

/**
 * Stable pseudonyms for IP addresses within one bundle, keyed by a random secret that is never
 * written anywhere (so nobody, the user included, can undo them).
 *
 * <p>The scheme ({@code syntop-pseudonyms-1}):
 * <ul>
 * <li>Kept as they are: IPv4 loopback 127.0.0.0/8, 0.0.0.0 and 255.255.255.255; IPv6 {@code ::} and
 *     {@code ::1}. Wildcards ({@code *}) are not addresses and are never touched.</li>
 * <li>IPv4: each real /24 gets its own pseudonym /24 inside 10.0.0.0/8 (then 172.16.0.0/12,
 *     192.168.0.0/16 and the reserved 240.0.0.0/4, should a flood from random sources fill 10/8): the first of HMAC-SHA256(key, "v4net", net, i), i = 0, 1, …,
 *     taken as 16 bits, that no other real /24 of the bundle uses and that is not itself a real /24 of
 *     the bundle. The last octet goes through a permutation of 0-255 shuffled by a stream of
 *     HMAC-SHA256(key, "v4host", net, i). So two addresses share a /24 exactly when their pseudonyms
 *     do, and different addresses never share a pseudonym.</li>
 * <li>IPv6: each real /64 gets a pseudonym /64 inside fd00::/8 (56 bits of HMAC-SHA256(key, "v6net",
 *     prefix, i), again never another real /64 of the bundle); the interface identifier becomes bits
 *     of HMAC-SHA256(key, "v6host", prefix, iid, i) with as many significant 16-bit groups as the real
 *     one (so {@code ::1}-style and SLAAC-style hosts stay recognisable), unique within the pseudonym
 *     /64. Link-local
 *     fe80::/10 keeps its prefix (it is the same on every host) and only its interface identifier is
 *     replaced. IPv4-mapped addresses ({@code ::ffff:a.b.c.d}) stay mapped and carry the IPv4
 *     pseudonym, so they group with the same host's IPv4 form.</li>
 * </ul>
 *
 * <p>Real networks must be {@linkplain #reserve(byte[]) reserved} before the first pseudonym is
 * made, so that no pseudonym ever spells an address that is real in this bundle. Pure: no I/O.
 */
public final class Pseudonyms {
    public static final String SCHEME = "syntop-pseudonyms-1";
    /** The scheme in one sentence, for the manifest. */
    public static final String SUMMARY = "IP addresses replaced by stable pseudonyms under a random key that was not kept: "
            + "IPv4 /24 networks map to distinct /24s in 10.0.0.0/8 (further ranges if it fills), IPv6 /64 networks to distinct /64s in fd00::/8 "
            + "(link-local fe80::/64 kept), hosts within a network stay distinct, IPv4-mapped IPv6 stays mapped; "
            + "loopback, 0.0.0.0, :: and 255.255.255.255 kept; host names replaced by host-XXXXXX";

    private static final int[][] V4_POOLS = {
        {0x0A0000, 0x10000}, // 10.0.0.0/8
        {0xAC1000, 0x1000},  // 172.16.0.0/12
        {0xC0A800, 0x100},   // 192.168.0.0/16
        {0xF00000, 0x100000}, // 240.0.0.0/4, reserved: only for floods from more networks than the above hold
    };
    private static final int TRIES = 64;

    private final Mac mac;
    private final Set<Integer> reservedV4 = new HashSet<>();
    private final Set<Long> reservedV6 = new HashSet<>();
    private final Map<Integer, Integer> v4Nets = new HashMap<>();
    private final Set<Integer> usedV4 = new HashSet<>();
    private final Map<Integer, byte[]> v4Hosts = new HashMap<>();
    private final Map<Long, Long> v6Nets = new HashMap<>();
    private final Set<Long> usedV6 = new HashSet<>();
    private final Map<String, Long> v6Iids = new HashMap<>();
    private final Set<String> usedIids = new HashSet<>();
    private final Set<String> replaced = new HashSet<>();
    private int poolCursor;
    private boolean started;

    /** @param key the bundle's secret (at least 16 bytes); the caller must not store it */
    public Pseudonyms(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("key too short");
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.clone(), "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Addresses that stay as they are: loopback, unspecified, broadcast (and their IPv4-mapped forms). */
    public static boolean kept(byte[] a) {
        if (a.length == 4) {
            int x = ByteBuffer.wrap(a).getInt();
            return (a[0] & 0xff) == 127 || x == 0 || x == -1;
        }
        if (Ip.isV4Mapped(a)) {
            return kept(Ip.mappedV4(a));
        }
        for (int i = 0; i < 15; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[15] == 0 || a[15] == 1;
    }

    /** Marks the network of a real address as taken: no pseudonym network will equal it. */
    public void reserve(byte[] a) {
        if (kept(a)) {
            return;
        }
        if (started && !isReserved(a)) {
            throw new IllegalStateException("every real address must be reserved before the first pseudonym");
        }
        addReserved(a);
    }

    private boolean isReserved(byte[] a) {
        if (a.length == 4) {
            return reservedV4.contains(net24(a));
        }
        return Ip.isV4Mapped(a) ? reservedV4.contains(net24(Ip.mappedV4(a))) : reservedV6.contains(prefix64(a));
    }

    private void addReserved(byte[] a) {
        if (a.length == 4) {
            reservedV4.add(net24(a));
        } else if (Ip.isV4Mapped(a)) {
            reservedV4.add(net24(Ip.mappedV4(a)));
        } else {
            reservedV6.add(prefix64(a));
        }
    }

    /** The pseudonym of an address (the address itself when it is {@linkplain #kept kept}). */
    public byte[] map(byte[] a) {
        if (a.length != 4 && a.length != 16) {
            throw new IllegalArgumentException("not an IP address: " + a.length + " bytes");
        }
        if (kept(a)) {
            return a.clone();
        }
        started = true;
        // an address that was not reserved (a caller's slip) still never becomes a pseudonym network
        addReserved(a);
        replaced.add(Ip.format(a));
        if (a.length == 4) {
            return mapV4(a);
        }
        if (Ip.isV4Mapped(a)) {
            return Ip.toMapped(mapV4(Ip.mappedV4(a)));
        }
        return mapV6(a);
    }

    /** How many different addresses were replaced so far. */
    public int replacedCount() {
        return replaced.size();
    }

    private byte[] mapV4(byte[] a) {
        int net = net24(a);
        int pnet = v4Nets.computeIfAbsent(net, this::newV4Net);
        byte[] perm = v4Hosts.computeIfAbsent(net, this::hostPermutation);
        return new byte[] {(byte) (pnet >>> 16), (byte) (pnet >>> 8), (byte) pnet, perm[a[3] & 0xff]};
    }

    private int newV4Net(int net) {
        for (int i = 0; i < TRIES; i++) {
            byte[] h = hmac("v4net", ByteBuffer.allocate(8).putInt(net).putInt(i).array());
            int cand = V4_POOLS[0][0] + (((h[0] & 0xff) << 8) | (h[1] & 0xff));
            if (freeV4(cand)) {
                usedV4.add(cand);
                return cand;
            }
        }
        // crowded: walk the pools in order for the next free network
        int total = 0;
        for (int[] p : V4_POOLS) {
            total += p[1];
        }
        for (; poolCursor < total; poolCursor++) {
            int cand = poolNet(poolCursor);
            if (freeV4(cand)) {
                usedV4.add(cand);
                return cand;
            }
        }
        throw new IllegalStateException("more than " + total + " IPv4 /24 networks: too many to pseudonymise");
    }

    private static int poolNet(int index) {
        int i = index;
        for (int[] p : V4_POOLS) {
            if (i < p[1]) {
                return p[0] + i;
            }
            i -= p[1];
        }
        throw new IllegalArgumentException();
    }

    private boolean freeV4(int cand) {
        return !usedV4.contains(cand) && !reservedV4.contains(cand);
    }

    /** A permutation of 0-255 (Fisher-Yates over an HMAC stream), so hosts of one /24 never collide. */
    private byte[] hostPermutation(int net) {
        byte[] p = new byte[256];
        for (int i = 0; i < 256; i++) {
            p[i] = (byte) i;
        }
        byte[] stream = new byte[0];
        int pos = 0;
        int block = 0;
        for (int i = 255; i > 0; i--) {
            if (pos + 2 > stream.length) {
                stream = hmac("v4host", ByteBuffer.allocate(8).putInt(net).putInt(block++).array());
                pos = 0;
            }
            int r = (((stream[pos] & 0xff) << 8) | (stream[pos + 1] & 0xff)) % (i + 1);
            pos += 2;
            byte t = p[i];
            p[i] = p[r];
            p[r] = t;
        }
        return p;
    }

    private byte[] mapV6(byte[] a) {
        long prefix = prefix64(a);
        long iid = ByteBuffer.wrap(a, 8, 8).getLong();
        boolean linkLocal = (a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80;
        long pprefix = linkLocal ? prefix : v6Nets.computeIfAbsent(prefix, this::newV6Net);
        String key = prefix + "/" + iid;
        Long piid = v6Iids.get(key);
        if (piid == null) {
            // as many significant 16-bit groups as the real one, so "::1"-style hosts stay short to print
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(iid) + 15) / 16);
            for (int i = 0; ; i++) {
                int g = Math.min(4, groups + i / 256); // a crowded size class spills into the next
                byte[] h = hmac("v6host", ByteBuffer.allocate(20).putLong(prefix).putLong(iid).putInt(i).array());
                long cand = ByteBuffer.wrap(h, 0, 8).getLong();
                if (g < 4) {
                    cand &= (1L << (16 * g)) - 1;
                }
                if (g > 1) {
                    cand |= 1L << (16 * (g - 1));
                }
                if (cand != 0 && (!linkLocal || cand != iid) && usedIids.add(pprefix + "/" + cand)) {
                    piid = cand;
                    break;
                }
            }
            v6Iids.put(key, piid);
        }
        return ByteBuffer.allocate(16).putLong(pprefix).putLong(piid).array();
    }

    private long newV6Net(long prefix) {
        for (int i = 0; ; i++) {
            byte[] h = hmac("v6net", ByteBuffer.allocate(12).putLong(prefix).putInt(i).array());
            long cand = (0xfdL << 56) | (ByteBuffer.wrap(h, 0, 8).getLong() >>> 8);
            if (!usedV6.contains(cand) && !reservedV6.contains(cand)) {
                usedV6.add(cand);
                return cand;
            }
        }
    }

    private static int net24(byte[] a) {
        return ((a[0] & 0xff) << 16) | ((a[1] & 0xff) << 8) | (a[2] & 0xff);
    }

    private static long prefix64(byte[] a) {
        return ByteBuffer.wrap(a, 0, 8).getLong();
    }

    private byte[] hmac(String label, byte[] data) {
        mac.update(label.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        return mac.doFinal(data);
    }
}
