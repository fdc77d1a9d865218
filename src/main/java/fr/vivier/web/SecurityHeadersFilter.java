package fr.vivier.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

/** Security headers on every response; authenticated pages are never stored by a browser or a proxy. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeadersFilter implements Ordered {
    /** Annotated filters default to the innermost place; this one runs outermost, so that responses made by other filters (CSRF refusal, sign-in redirect, 403) get the headers too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
        "default-src 'self'",
        "img-src 'self' data: https:",
        "style-src 'self'",
        "script-src 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'");

    private final boolean https;

    SecurityHeadersFilter(@Value("${vivier.base-url}") String baseUrl) {
        this.https = baseUrl.startsWith("https://");
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (https) {
            response.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "strict-origin-when-cross-origin");
        response.header("X-Frame-Options", "DENY");
        response.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        boolean authenticated = request.getUserPrincipal(Authentication.class).isPresent();
        if (authenticated) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        } else if (!response.getHeaders().contains(HttpHeaders.CACHE_CONTROL) && !request.getPath().startsWith("/static/")) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-cache, private");
        }
    }
}
