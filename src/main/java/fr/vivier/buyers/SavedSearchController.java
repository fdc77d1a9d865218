package fr.vivier.buyers;

import fr.vivier.web.CurrentUser;
import fr.vivier.web.FormErrors;
import fr.vivier.web.session.FormPage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** « Mes recherches enregistrées »: keep a search, get new matching suppliers by mail, unsubscribe from the mail. */
@Controller("/recherches-enregistrees")
@Secured({"BUYER", "STAFF", "ADMIN"})
class SavedSearchController {
    private static final String LIST_VIEW = "buyers/recherches-enregistrees";
    private static final String FORM_VIEW = "buyers/recherche-enregistrer";
    private static final String UNSUBSCRIBE_VIEW = "buyers/desabonnement";
    private static final int PAGE_SIZE = 20;

    private final SavedSearchService searches;

    SavedSearchController(SavedSearchService searches) {
        this.searches = searches;
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue String message,
                                           Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("searches", searches.of(CurrentUser.of(authentication).accountId(), page == null || page < 0 ? 0 : page, PAGE_SIZE));
        if (message != null) {
            model.put("success", switch (message) {
                case "enregistree" -> "Recherche enregistrée : vous recevrez un courriel quand de nouveaux fournisseurs y correspondront.";
                case "desabonnee" -> "Vous ne recevrez plus de courriel pour cette recherche.";
                case "abonnee" -> "Vous recevrez de nouveau un courriel pour cette recherche.";
                case "supprimee" -> "La recherche a été supprimée.";
                default -> null;
            });
        }
        return new ModelAndView<>(LIST_VIEW, model);
    }

    /** The form to name a search, for a link from the search page (the page itself may carry the same form). */
    @Get("/nouvelle")
    ModelAndView<Map<String, Object>> form(@Nullable @QueryValue String query) {
        return new ModelAndView<>(FORM_VIEW, formModel(new SavedSearchForm("", query == null ? "" : query), Map.of()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(@Valid @Body SavedSearchForm form, Authentication authentication) {
        searches.save(CurrentUser.of(authentication).accountId(), form.name(), form.query());
        return HttpResponse.seeOther(URI.create("/recherches-enregistrees?message=enregistree"));
    }

    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        SavedSearchForm input = request.getBody(SavedSearchForm.class).orElse(new SavedSearchForm("", ""));
        String query = input.query() == null || input.query().length() > 2000 ? "" : input.query();
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(FORM_VIEW,
            formModel(new SavedSearchForm(input.name(), query), FormErrors.of(exception))));
    }

    @Post(value = "/{id}/desabonnement", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unsubscribe(@PathVariable long id, Authentication authentication) {
        searches.subscribe(owned(id, authentication), false);
        return HttpResponse.seeOther(URI.create("/recherches-enregistrees?message=desabonnee"));
    }

    @Post(value = "/{id}/abonnement", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> subscribe(@PathVariable long id, Authentication authentication) {
        searches.subscribe(owned(id, authentication), true);
        return HttpResponse.seeOther(URI.create("/recherches-enregistrees?message=abonnee"));
    }

    @Post(value = "/{id}/suppression", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(@PathVariable long id, Authentication authentication) {
        searches.delete(owned(id, authentication));
        return HttpResponse.seeOther(URI.create("/recherches-enregistrees?message=supprimee"));
    }

    /** The unsubscribe link of a digest: works without signing in; the button posts (a mail scanner's GET changes nothing). */
    @Get("/desabonnement/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @FormPage
    HttpResponse<?> unsubscribeConfirmation(@PathVariable String token) {
        return byToken(token).<HttpResponse<?>>map(search -> HttpResponse.ok(new ModelAndView<>(UNSUBSCRIBE_VIEW,
                Map.of("search", search, "token", token))))
            .orElseGet(SavedSearchController::invalidLink);
    }

    @Post(value = "/desabonnement/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> unsubscribeByToken(@PathVariable String token) {
        Optional<SavedSearch> search = byToken(token);
        if (search.isEmpty()) {
            return invalidLink();
        }
        searches.subscribe(search.get(), false);
        return HttpResponse.seeOther(URI.create("/recherches-enregistrees/desabonnement/" + token));
    }

    private Optional<SavedSearch> byToken(String token) {
        return searches.forUnsubscribeToken(token);
    }

    /** 410 rather than 404: the site-wide 404 page would replace the explanation of why the link stopped working. */
    private static HttpResponse<?> invalidLink() {
        return HttpResponse.status(HttpStatus.GONE).body(new ModelAndView<>("buyers/desabonnement-lien-invalide", new HashMap<>()));
    }

    private SavedSearch owned(long id, Authentication authentication) {
        SavedSearch search = searches.find(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Recherche introuvable."));
        if (search.accountId() != CurrentUser.of(authentication).accountId()) {
            throw new AuthorizationException(authentication);
        }
        return search;
    }

    private static Map<String, Object> formModel(SavedSearchForm form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("searchHref", "/fournisseurs" + (form.query() == null || form.query().isBlank() ? "" : "?" + form.query()));
        return model;
    }
}
