package org.signalaudit.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who the client is, when proxies stand between it and us (DESIGN.md, rule 3). The peer address
 * is the client unless the peer is a trusted proxy; then the forwarding headers are read right to
 * left, skipping trusted hops, and the first untrusted address is the client. RFC 7239
 * {@code Forwarded} wins over {@code X-Forwarded-For} when both are present. Anything malformed
 * falls back to the peer: a header we cannot read is a header we do not believe.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z]+)?");
    private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)^\\s*for\\s*=\\s*(.+?)\\s*$");

    private final List<Cidr> trusted;

    private ClientAddress(List<Cidr> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** @param trustedProxies comma-separated CIDR blocks or addresses; empty trusts nobody */
    public static ClientAddress trusting(String trustedProxies) {
        var blocks = new ArrayList<Cidr>();
        if (trustedProxies != null) {
            for (String block : trustedProxies.split(",")) {
                if (!block.isBlank()) {
                    blocks.add(Cidr.parse(block.trim()));
                }
            }
        }
        return new ClientAddress(blocks);
    }

    /**
     * @param peer the remote address of the connection
     * @param xForwardedFor every X-Forwarded-For header value, in order
     * @param forwarded every Forwarded header value, in order
     */
    public String resolve(String peer, List<String> xForwardedFor, List<String> forwarded) {
        Optional<InetAddress> peerAddress = literal(peer);
        if (peerAddress.isEmpty() || !isTrusted(peerAddress.get())) {
            return peerAddress.map(InetAddress::getHostAddress).orElse(peer);
        }
        Optional<List<String>> hops = forwarded.isEmpty() ? xForwardedForHops(xForwardedFor) : forwardedHops(forwarded);
        if (hops.isEmpty() || hops.get().isEmpty()) {
            return peerAddress.get().getHostAddress();
        }
        String farthest = null;
        for (int i = hops.get().size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get().get(i));
            if (hop.isEmpty()) {
                return peerAddress.get().getHostAddress();
            }
            farthest = hop.get().getHostAddress();
            if (!isTrusted(hop.get())) {
                return farthest;
            }
        }
        // Every hop is one of ours: the farthest one is as close to the client as we can know.
        return farthest;
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(block -> block.contains(address));
    }

    private static Optional<List<String>> xForwardedForHops(List<String> values) {
        var hops = new ArrayList<String>();
        for (String value : values) {
            for (String hop : value.split(",")) {
                hops.add(hop.trim());
            }
        }
        return Optional.of(hops);
    }

    /** The {@code for=} of each forwarded element; empty when any element lacks one or is garbled. */
    private static Optional<List<String>> forwardedHops(List<String> values) {
        var hops = new ArrayList<String>();
        for (String value : values) {
            for (String element : value.split(",")) {
                String node = null;
                for (String pair : element.split(";")) {
                    var match = FORWARDED_FOR.matcher(pair);
                    if (match.matches()) {
                        node = match.group(1);
                    }
                }
                if (node == null) {
                    return Optional.empty();
                }
                hops.add(node(node));
            }
        }
        return Optional.of(hops);
    }

    /** RFC 7239 node: optionally quoted, IPv6 in brackets, optionally with a port. */
    private static String node(String raw) {
        String node = raw;
        if (node.length() >= 2 && node.startsWith("\"") && node.endsWith("\"")) {
            node = node.substring(1, node.length() - 1);
        }
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            return close < 0 ? node : node.substring(1, close);
        }
        int colon = node.indexOf(':');
        return colon >= 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
    }

    /** Parses an IP literal without ever asking DNS: a host name is not an address. */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address block such as 10.0.0.0/8 or 2001:db8::/32; a bare address is a block of one. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            InetAddress parsed = literal(address)
                    .orElseThrow(() -> new IllegalArgumentException("Not an address block: " + text));
            int bits = parsed.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("Bad prefix length in " + text);
            }
            return new Cidr(parsed.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest);
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
