package fr.vivier.shared;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The client's IP address, for throttling and the security journal.
 *
 * <p>By default it is the address of the TCP peer: {@code X-Forwarded-For} and {@code Forwarded} are ignored,
 * since anyone can send them. Behind reverse proxies, list them in {@code vivier.trusted-proxies} (addresses or
 * CIDR ranges): when the peer is one of them, the address is the right-most hop of {@code X-Forwarded-For}
 * that is not a trusted proxy, the one a trusted proxy saw connecting.
 */
@Singleton
public class ClientAddress {
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private final List<Cidr> trustedProxies;

    ClientAddress(@Value("${vivier.trusted-proxies:}") String trustedProxies) {
        List<Cidr> ranges = new ArrayList<>();
        for (String entry : trustedProxies.split(",")) {
            if (!entry.isBlank()) {
                ranges.add(Cidr.parse(entry.strip()));
            }
        }
        this.trustedProxies = List.copyOf(ranges);
    }

    public String of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
        if (address == null) {
            return "inconnue";
        }
        if (isTrusted(address)) {
            List<String> hops = request.getHeaders().getAll(FORWARDED_FOR).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(hop -> !hop.isEmpty()).toList();
            for (int i = hops.size() - 1; i >= 0; i--) {
                address = hops.get(i);
                if (!isTrusted(address)) {
                    break;
                }
            }
        }
        return address.length() > 64 ? address.substring(0, 64) : address;
    }

    private boolean isTrusted(String address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    /** An address range such as {@code 10.0.0.0/8}, {@code 192.168.1.4} or {@code fd00::/8}. */
    record Cidr(byte[] network, int prefixLength) {
        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            byte[] network = literal(parts[0]);
            if (network == null) {
                throw new IllegalArgumentException("vivier.trusted-proxies : adresse IP invalide « " + text + " »");
            }
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("vivier.trusted-proxies : préfixe invalide « " + text + " »");
            }
            return new Cidr(network, prefix);
        }

        boolean contains(String address) {
            byte[] candidate = literal(address);
            if (candidate == null || candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixLength; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** The bytes of an IP literal; null for anything else (never a DNS lookup). */
        private static byte[] literal(String text) {
            String value = text.strip();
            if (value.startsWith("[") && value.endsWith("]")) {
                value = value.substring(1, value.length() - 1);
            }
            boolean ipv4 = value.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            boolean ipv6 = value.contains(":") && value.matches("[0-9a-fA-F:.]+");
            if (!ipv4 && !ipv6) {
                return null;
            }
            try {
                return InetAddress.getByName(value).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
