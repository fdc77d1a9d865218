package fr.vivier.web.session;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.session.http.HttpSessionConfiguration;
import jakarta.inject.Singleton;

/**
 * The session cookie is {@code Secure} when the portal's public URL is https (behind a TLS-terminating proxy the
 * request itself looks like plain http, so the request cannot tell); {@code VIVIER_COOKIE_SECURE} forces either way.
 */
@Singleton
class SecureCookieDefault implements BeanCreatedEventListener<HttpSessionConfiguration> {
    private final boolean secure;

    SecureCookieDefault(@Value("${vivier.base-url}") String baseUrl, @Value("${vivier.cookie-secure:}") String explicit) {
        this.secure = explicit.isBlank() ? baseUrl.startsWith("https://") : Boolean.parseBoolean(explicit.strip());
    }

    @Override
    public HttpSessionConfiguration onCreated(BeanCreatedEvent<HttpSessionConfiguration> event) {
        HttpSessionConfiguration configuration = event.getBean();
        configuration.setCookieSecure(secure);
        return configuration;
    }
}
