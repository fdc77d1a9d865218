package fr.vivier.accounts;

import fr.vivier.shared.ClientAddress;
import fr.vivier.web.LogMasks;
import fr.vivier.web.PageRenderer;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Map;

/**
 * Anonymous visitors of a protected page are sent to the sign-in page (and brought back afterwards);
 * signed-in people without the right role get the French 403 page, and the refusal is journaled.
 * The JSON API answers 401/403 with a JSON message instead.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class AccessDeniedHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
    private final PageRenderer pages;
    private final SecurityAudit audit;
    private final ClientAddress clientAddress;

    AccessDeniedHandler(PageRenderer pages, SecurityAudit audit, ClientAddress clientAddress) {
        this.pages = pages;
        this.audit = audit;
        this.clientAddress = clientAddress;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        boolean api = request.getPath().startsWith("/api/");
        if (!exception.isForbidden()) {
            if (api) {
                return HttpResponse.unauthorized().body(Map.of("message", "Authentification requise."));
            }
            String target = UriBuilder.of("/connexion").queryParam("retour", request.getUri().toString()).build().toString();
            return HttpResponse.seeOther(URI.create(target));
        }
        Object accountId = exception.getAuthentication().getAttributes().get(SessionAuthenticationFetcher.ACCOUNT_ATTRIBUTE);
        audit.record(SecurityEvent.ACCESS_DENIED, accountId instanceof Number n ? n.longValue() : null, null,
            clientAddress.of(request), request.getMethodName() + " " + LogMasks.path(request.getPath()));
        if (api) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of("message", "Accès refusé."));
        }
        return pages.render(request, HttpStatus.FORBIDDEN, "errors/403", Map.of());
    }
}
