package io.vigil.crawler.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether an address may be fetched. Refused: loopback, link-local, RFC 1918 private,
 * unique-local (fc00::/7), CGNAT (100.64/10), multicast, unspecified, broadcast, reserved and
 * benchmarking ranges, cloud metadata ({@code 169.254.169.254}, {@code fd00:ec2::254}), and IPv6
 * forms embedding such an IPv4 address (mapped, NAT64, 6to4). The allow-list overrides.
 */
final class AddressPolicy {

    private static final List<Cidr> BLOCKED =
            List.of(
                    Cidr.parse("0.0.0.0/8"),
                    Cidr.parse("10.0.0.0/8"),
                    Cidr.parse("100.64.0.0/10"),
                    Cidr.parse("127.0.0.0/8"),
                    Cidr.parse("169.254.0.0/16"),
                    Cidr.parse("172.16.0.0/12"),
                    Cidr.parse("192.0.0.0/24"),
                    Cidr.parse("192.0.2.0/24"),
                    Cidr.parse("192.168.0.0/16"),
                    Cidr.parse("198.18.0.0/15"),
                    Cidr.parse("198.51.100.0/24"),
                    Cidr.parse("203.0.113.0/24"),
                    Cidr.parse("224.0.0.0/4"),
                    Cidr.parse("240.0.0.0/4"),
                    Cidr.parse("::/128"),
                    Cidr.parse("::1/128"),
                    Cidr.parse("fc00::/7"),
                    Cidr.parse("fe80::/10"),
                    Cidr.parse("fec0::/10"),
                    Cidr.parse("ff00::/8"),
                    Cidr.parse("2001:db8::/32"),
                    Cidr.parse("100::/64"));

    private final List<Cidr> allowed;

    AddressPolicy(List<String> allowedAddresses) {
        List<Cidr> list = new ArrayList<>();
        for (String a : allowedAddresses) {
            list.add(Cidr.parse(a.trim()));
        }
        this.allowed = List.copyOf(list);
    }

    /** Null when every address is acceptable, else a reason naming the first refused one. */
    String refusal(List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            if (isBlocked(address)) {
                return "address " + address.getHostAddress() + " is not public";
            }
        }
        return null;
    }

    boolean isBlocked(InetAddress address) {
        for (Cidr c : allowed) {
            if (c.contains(address)) {
                return false;
            }
        }
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        for (Cidr c : BLOCKED) {
            if (c.contains(address)) {
                return true;
            }
        }
        byte[] b = address.getAddress();
        if (b.length == 16) {
            InetAddress embedded = embeddedIpv4(b);
            return embedded != null && isBlocked(embedded);
        }
        return b.length == 4 && (b[0] & 0xff) == 255;
    }

    /** IPv4 inside NAT64 (64:ff9b::/96), 6to4 (2002::/16) or IPv4-compatible (::/96) forms. */
    private static InetAddress embeddedIpv4(byte[] b) {
        byte[] v4 = null;
        if ((b[0] & 0xff) == 0x00
                && (b[1] & 0xff) == 0x64
                && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            v4 = new byte[] {b[2], b[3], b[4], b[5]};
        } else {
            boolean zeros = true;
            for (int i = 0; i < 12; i++) {
                zeros &= b[i] == 0;
            }
            if (zeros) {
                v4 = new byte[] {b[12], b[13], b[14], b[15]};
            }
        }
        if (v4 == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An address block; a bare address is a block of one. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + text);
            }
            byte[] net;
            try {
                net = InetAddress.getByName(host).getAddress(); // literal: no DNS lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + text, e);
            }
            int prefix = slash < 0 ? net.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > net.length * 8) {
                throw new IllegalArgumentException("bad prefix length: " + text);
            }
            return new Cidr(net, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
