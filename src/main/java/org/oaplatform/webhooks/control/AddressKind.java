package org.oaplatform.webhooks.control;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Where an IP address leads, for deciding whether a user-configured URL may be called. The byte ranges are those of
 * the IANA special-purpose registries (RFC 6890 and successors); cloud metadata endpoints are named one by one because
 * some of them (Azure's, Alibaba's) sit in ranges that would otherwise pass.
 */
public enum AddressKind {
    PUBLIC, LOOPBACK, PRIVATE, LINK_LOCAL, UNIQUE_LOCAL, MULTICAST, UNSPECIFIED, CLOUD_METADATA, RESERVED;

    public static AddressKind of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? ofIpv4(bytes, 0) : ofIpv6(bytes);
    }

    private static AddressKind ofIpv4(byte[] bytes, int at) {
        int a = bytes[at] & 0xff;
        int b = bytes[at + 1] & 0xff;
        int c = bytes[at + 2] & 0xff;
        int d = bytes[at + 3] & 0xff;
        if (a == 169 && b == 254 && (c == 169 && d == 254 || c == 170 && d == 2) // AWS, GCP, Azure IMDS; ECS tasks
                || a == 100 && b == 100 && c == 100 && d == 200 // Alibaba Cloud
                || a == 168 && b == 63 && c == 129 && d == 16 // Azure wire server
                || a == 192 && b == 0 && c == 0 && d == 192) { // Oracle Cloud
            return CLOUD_METADATA;
        }
        if (a == 0) {
            return UNSPECIFIED;
        }
        if (a == 127) {
            return LOOPBACK;
        }
        if (a == 10 || a == 172 && (b & 0xf0) == 16 || a == 192 && b == 168 || a == 100 && (b & 0xc0) == 64) {
            return PRIVATE; // RFC 1918 and the carrier-grade NAT range of RFC 6598
        }
        if (a == 169 && b == 254) {
            return LINK_LOCAL;
        }
        if (a >= 224 && a <= 239) {
            return MULTICAST;
        }
        if (a >= 240 || a == 192 && b == 0 && (c == 0 || c == 2) || a == 198 && (b & 0xfe) == 18
                || a == 198 && b == 51 && c == 100 || a == 203 && b == 0 && c == 113) {
            return RESERVED; // future use and broadcast, IETF protocol assignments, benchmarking, documentation
        }
        return PUBLIC;
    }

    private static AddressKind ofIpv6(byte[] bytes) {
        if (startsWithZeros(bytes, 15)) {
            return bytes[15] == 0 ? UNSPECIFIED : bytes[15] == 1 ? LOOPBACK : ofIpv4(bytes, 12);
        }
        if (startsWithZeros(bytes, 10) && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff
                || startsWithZeros(bytes, 12)) {
            return ofIpv4(bytes, 12); // IPv4-mapped and the deprecated IPv4-compatible form
        }
        int first = (bytes[0] & 0xff) << 8 | bytes[1] & 0xff;
        int second = (bytes[2] & 0xff) << 8 | bytes[3] & 0xff;
        if (first == 0x64 && second == 0xff9b && startsWithZeros(bytes, 12, 4)) {
            return ofIpv4(bytes, 12); // NAT64 reaches the embedded IPv4 address
        }
        if (first == 0x2002) {
            return ofIpv4(bytes, 2); // 6to4 embeds the IPv4 address of its relay
        }
        if (first == 0xfd00 && second == 0x0ec2 && startsWithZeros(bytes, 14, 4) && bytes[14] == 0x02
                && bytes[15] == 0x54) {
            return CLOUD_METADATA; // AWS IMDS over IPv6, fd00:ec2::254
        }
        if ((first & 0xffc0) == 0xfe80) {
            return LINK_LOCAL;
        }
        if ((first & 0xffc0) == 0xfec0) {
            return PRIVATE; // the deprecated site-local range
        }
        if ((first & 0xfe00) == 0xfc00) {
            return UNIQUE_LOCAL;
        }
        if ((first & 0xff00) == 0xff00) {
            return MULTICAST;
        }
        if ((first & 0xe000) != 0x2000 || first == 0x2001 && (second == 0 || second == 0x0db8)) {
            return RESERVED; // outside global unicast, Teredo (hides an IPv4 address), documentation
        }
        return PUBLIC;
    }

    private static boolean startsWithZeros(byte[] bytes, int count) {
        return startsWithZeros(bytes, count, 0);
    }

    private static boolean startsWithZeros(byte[] bytes, int end, int from) {
        for (int i = from; i < end; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
