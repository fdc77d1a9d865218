package fr.vivier.accounts;

import fr.vivier.shared.ClientAddress;
import fr.vivier.web.FormErrors;
import fr.vivier.web.session.CsrfTokens;
import fr.vivier.web.session.FormPage;
import fr.vivier.web.session.PostgresSessionStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.session.Session;
import io.micronaut.session.http.HttpSessionConfiguration;
import io.micronaut.session.http.HttpSessionFilter;
import io.micronaut.session.http.SessionForRequest;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Sign-in and sign-out of buyers, staff and administrators. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginController {
    private static final String VIEW = "accounts/connexion";
    /** The browser's proof that it signed in to the account before (see {@link LoginThrottle}). */
    static final String DEVICE_COOKIE = "appareil";
    static final String REFUSED = "Adresse électronique ou mot de passe incorrect.";
    static final String THROTTLED = "Trop de tentatives de connexion. Pour votre sécurité, réessayez dans quelques minutes.";

    private final AccountService accounts;
    private final PostgresSessionStore sessions;
    private final CsrfTokens csrfTokens;
    private final ClientAddress clientAddress;
    private final HttpSessionConfiguration sessionConfiguration;

    LoginController(AccountService accounts, PostgresSessionStore sessions, CsrfTokens csrfTokens,
                    ClientAddress clientAddress, HttpSessionConfiguration sessionConfiguration) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.csrfTokens = csrfTokens;
        this.clientAddress = clientAddress;
        this.sessionConfiguration = sessionConfiguration;
    }

    @Get("/connexion")
    @FormPage
    ModelAndView<Map<String, Object>> form(@Nullable @QueryValue String retour, @Nullable @QueryValue String bienvenue) {
        Map<String, Object> model = model(new LoginForm("", "", retour), Map.of(), null);
        if (bienvenue != null) {
            model.put("success", "Votre mot de passe est enregistré. Vous pouvez maintenant vous connecter.");
        } else if (retour != null) {
            model.put("reason", "Connectez-vous pour accéder à cette page.");
        }
        return new ModelAndView<>(VIEW, model);
    }

    @Post(value = "/connexion", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signIn(HttpRequest<?> request, @Valid @Body LoginForm form) {
        String ip = clientAddress.of(request);
        String device = request.getCookies().findCookie(DEVICE_COOKIE).map(Cookie::getValue).orElse(null);
        AccountService.SignInResult result = accounts.signIn(form.email(), form.password(), ip, device);
        if (result instanceof AccountService.SignInResult.SignedIn signedIn) {
            startNewSession(request, signedIn.account());
            Cookie trusted = Cookie.of(DEVICE_COOKIE, signedIn.deviceToken()).path("/connexion").httpOnly(true)
                .sameSite(SameSite.Strict).maxAge(LoginThrottle.DEVICE_TRUST)
                .secure(sessionConfiguration.isCookieSecure().orElse(false));
            return HttpResponse.seeOther(URI.create(destination(form.retour(), signedIn.account().role()))).cookie(trusted);
        }
        boolean throttled = result instanceof AccountService.SignInResult.Throttled;
        HttpStatus status = throttled ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNPROCESSABLE_ENTITY;
        return HttpResponse.status(status).body(new ModelAndView<>(VIEW,
            model(new LoginForm(form.email(), "", form.retour()), Map.of(), throttled ? THROTTLED : REFUSED)));
    }

    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        LoginForm input = request.getBody(LoginForm.class).orElse(new LoginForm("", "", null));
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW,
            model(new LoginForm(input.email(), "", input.retour()), FormErrors.of(exception), null)));
    }

    @Post(value = "/deconnexion", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> signOut(HttpRequest<?> request, Authentication authentication) {
        SessionForRequest.find(request).ifPresent(session -> sessions.delete(session.getId()));
        request.getAttributes().remove(HttpSessionFilter.SESSION_ATTRIBUTE.toString());
        Object accountId = authentication.getAttributes().get(SessionAuthenticationFetcher.ACCOUNT_ATTRIBUTE);
        if (accountId instanceof Number id) {
            accounts.signedOut(id.longValue(), clientAddress.of(request));
        }
        Cookie expired = Cookie.of(sessionConfiguration.getCookieName(), "").path("/").maxAge(0).httpOnly(true)
            .sameSite(SameSite.Lax);
        return HttpResponse.seeOther(URI.create("/?deconnexion=1")).cookie(expired);
    }

    /** A fresh session id and CSRF token at sign-in: nothing from the anonymous session is reused. */
    private void startNewSession(HttpRequest<?> request, Account account) {
        SessionForRequest.find(request).ifPresent(old -> sessions.delete(old.getId()));
        Session session = SessionForRequest.create(sessions, request);
        session.put(SessionAuthenticationFetcher.ACCOUNT_ATTRIBUTE, account.id());
        csrfTokens.assignNewToken(session);
    }

    /** The page asked for before signing in, or else the person's own home: staff their dashboard, buyers their tools. */
    static String destination(@Nullable String retour, Role role) {
        String asked = safeReturnPath(retour);
        if (!asked.equals("/")) {
            return asked;
        }
        return switch (role) {
            case STAFF, ADMIN -> "/agents";
            case BUYER -> "/acheteurs";
            case SUPPLIER -> "/";
        };
    }

    /** Only local paths, so that the sign-in page cannot be used to send people to another site. */
    static String safeReturnPath(@Nullable String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")
            || path.length() > 500 || path.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return path;
    }

    private static Map<String, Object> model(LoginForm form, Map<String, String> errors, @Nullable String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        if (message != null) {
            model.put("message", message);
        }
        return model;
    }
}
