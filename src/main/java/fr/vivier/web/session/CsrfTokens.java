package fr.vivier.web.session;

import io.micronaut.http.HttpRequest;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.SessionForRequest;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Synchroniser tokens kept in the session; every state-changing form post must send it back in the field
 * {@value #FIELD}. A session gets one at sign-in, when a supplier opens a link, or when a page is rendered for it;
 * a visitor without a session gets one (and a session) only on a {@link FormPage}, never for reading.
 */
@Singleton
public class CsrfTokens {
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String SESSION_ATTRIBUTE = "csrfToken";
    /** What a refused form says, wherever the token is checked. */
    public static final String REFUSED = "Le formulaire a expiré ou ne provient pas de ce site. Rechargez la page et recommencez.";

    private final SessionStore<Session> sessionStore;
    private final SecureRandom random = new SecureRandom();

    CsrfTokens(SessionStore<Session> sessionStore) {
        this.sessionStore = sessionStore;
    }

    /** The token of the request's session, creating the session and the token when needed. */
    public String tokenFor(HttpRequest<?> request) {
        Session session = SessionForRequest.findOrCreate(request, sessionStore);
        return session.get(SESSION_ATTRIBUTE, String.class).orElseGet(() -> {
            String token = newToken();
            session.put(SESSION_ATTRIBUTE, token);
            return token;
        });
    }

    /** The token a page's forms carry, if the visitor has a session or the route is a {@link FormPage}. */
    public Optional<String> tokenForPage(HttpRequest<?> request) {
        boolean formPage = RouteAttributes.getRouteMatch(request)
            .map(route -> route.getRouteInfo().getAnnotationMetadata().hasAnnotation(FormPage.class)).orElse(false);
        return formPage || SessionForRequest.find(request).isPresent() ? Optional.of(tokenFor(request)) : Optional.empty();
    }

    /** Gives a fresh session (new id) a fresh token: used at login so that nothing survives from before. */
    public void assignNewToken(Session session) {
        session.put(SESSION_ATTRIBUTE, newToken());
    }

    public boolean matches(HttpRequest<?> request, String candidate) {
        Optional<String> expected = SessionForRequest.find(request)
            .flatMap(session -> session.get(SESSION_ATTRIBUTE, String.class));
        return candidate != null && expected.isPresent() && MessageDigest.isEqual(
            expected.get().getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
