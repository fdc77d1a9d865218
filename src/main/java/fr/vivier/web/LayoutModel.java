package fr.vivier.web;

import fr.vivier.web.session.CsrfTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Map;

/** The variables every page's layout uses: authority, signed-in user, CSRF token (see {@link CsrfTokens#tokenForPage}), current path. */
@Singleton
public class LayoutModel {
    private final AuthorityConfiguration authority;
    private final CsrfTokens csrfTokens;

    LayoutModel(AuthorityConfiguration authority, CsrfTokens csrfTokens) {
        this.authority = authority;
        this.csrfTokens = csrfTokens;
    }

    public void addTo(HttpRequest<?> request, Map<String, Object> model) {
        model.putIfAbsent("authority", authority);
        model.putIfAbsent("currentPath", request.getPath());
        if (!model.containsKey("csrfToken")) {
            csrfTokens.tokenForPage(request).ifPresent(token -> model.put("csrfToken", token));
        }
        CurrentUser user = request.getUserPrincipal(Authentication.class).map(CurrentUser::of).orElse(null);
        if (user != null) {
            model.putIfAbsent("currentUser", user);
        }
    }
}
