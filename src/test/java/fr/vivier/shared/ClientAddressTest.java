package fr.vivier.shared;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The address used for throttling and the journal cannot be chosen by the client. */
class ClientAddressTest {
    private static HttpRequest<?> fromPeer(String peer, String forwardedFor) {
        HttpRequest<?> request = HttpRequest.GET("http://" + peer + "/connexion");
        if (forwardedFor != null) {
            return ((io.micronaut.http.MutableHttpRequest<?>) request).header("X-Forwarded-For", forwardedFor)
                .header("Forwarded", "for=198.51.100.99");
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesForwardedHeadersAreIgnored() {
        ClientAddress addresses = new ClientAddress("");
        assertEquals("203.0.113.7", addresses.of(fromPeer("203.0.113.7", "198.51.100.1")));
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        ClientAddress addresses = new ClientAddress("10.0.0.0/8, 192.168.1.4");
        // the client forged the first hop; the proxies appended the real one
        assertEquals("203.0.113.7", addresses.of(fromPeer("192.168.1.4", "1.2.3.4, 203.0.113.7, 10.1.2.3")));
    }

    @Test
    void aPeerThatIsNotATrustedProxyIsTheClientWhateverItForwards() {
        ClientAddress addresses = new ClientAddress("10.0.0.0/8");
        assertEquals("203.0.113.7", addresses.of(fromPeer("203.0.113.7", "10.1.2.3")));
    }

    @Test
    void ipv6RangesWork() {
        ClientAddress addresses = new ClientAddress("fd00::/8");
        assertEquals("2001:db8::1", addresses.of(fromPeer("[fd00::1]", "2001:db8::1")));
    }

    @Test
    void aMistypedProxyListStopsTheStartWithAClearMessage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new ClientAddress("proxy.example"));
        assertEquals("vivier.trusted-proxies : adresse IP invalide « proxy.example »", error.getMessage());
    }
}
