package fr.vivier.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

/** The client's IP, honouring micronaut.server.client-address-header when behind a proxy. */
@Singleton
public class ClientAddress {
    private final HttpClientAddressResolver resolver;

    ClientAddress(HttpClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    public String of(HttpRequest<?> request) {
        String address = resolver.resolve(request);
        if (address == null) {
            return "inconnue";
        }
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
