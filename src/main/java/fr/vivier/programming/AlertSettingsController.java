package fr.vivier.programming;

import fr.vivier.directory.SupplierSummary;
import fr.vivier.web.FormErrors;
import fr.vivier.web.ReturnPath;
import fr.vivier.web.session.FormPage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How often a structure gets its alerts on the programming (immediately, weekly, never): from its space (the session its
 * emailed link opened) or from the alert mail itself, whose link is signed like the unsubscribe link.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class AlertSettingsController {
    static final String SESSION_PATH = "/programmation/mes-alertes";
    static final String SIGNED_PATH = "/programmation/alertes/frequence";
    private static final String VIEW = "programming/alertes-frequence";
    private static final String SAVED = "C’est enregistré : votre choix vaut dès les prochaines alertes.";

    private final ProgrammingAlerts alerts;
    private final InterestBoard board;
    private final InterestService interests;

    AlertSettingsController(ProgrammingAlerts alerts, InterestBoard board, InterestService interests) {
        this.alerts = alerts;
        this.board = board;
        this.interests = interests;
    }

    @Get(SESSION_PATH)
    HttpResponse<?> ownSettings(HttpRequest<?> request, @Nullable @QueryValue String enregistre) {
        Optional<SupplierSummary> supplier = board.supplierOf(request);
        if (supplier.isEmpty()) {
            return askForALink();
        }
        return page(HttpStatus.OK, supplier.get(), SESSION_PATH, alerts.choice(supplier.get().id()).name(), Map.of(), enregistre != null);
    }

    @Post(value = SESSION_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> chooseOwn(HttpRequest<?> request, @Valid @Body AlertSettingsForm form) {
        Optional<SupplierSummary> supplier = board.supplierOf(request);
        if (supplier.isEmpty()) {
            return askForALink();
        }
        return choose(supplier.get(), SESSION_PATH, form.frequence());
    }

    @Get(SIGNED_PATH + "/{supplierId}/{signature}")
    @FormPage
    HttpResponse<?> signedSettings(@PathVariable long supplierId, @PathVariable String signature, @Nullable @QueryValue String enregistre) {
        Optional<SupplierSummary> supplier = signed(supplierId, signature);
        if (supplier.isEmpty()) {
            return invalid();
        }
        return page(HttpStatus.OK, supplier.get(), signedAction(supplierId, signature), alerts.choice(supplierId).name(), Map.of(),
            enregistre != null);
    }

    @Post(value = SIGNED_PATH + "/{supplierId}/{signature}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> chooseSigned(@PathVariable long supplierId, @PathVariable String signature, @Valid @Body AlertSettingsForm form) {
        Optional<SupplierSummary> supplier = signed(supplierId, signature);
        if (supplier.isEmpty()) {
            return invalid();
        }
        return choose(supplier.get(), signedAction(supplierId, signature), form.frequence());
    }

    /** No choice posted: the page again, with the message at the field. */
    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalidForm(HttpRequest<?> request, ConstraintViolationException exception) {
        String path = request.getPath();
        Optional<SupplierSummary> supplier = Optional.empty();
        if (path.equals(SESSION_PATH)) {
            supplier = board.supplierOf(request);
        } else if (path.startsWith(SIGNED_PATH + "/")) {
            String[] parts = path.substring(SIGNED_PATH.length() + 1).split("/");
            supplier = parts.length == 2 && parts[0].matches("\\d{1,18}") ? signed(Long.parseLong(parts[0]), parts[1]) : Optional.empty();
        }
        if (supplier.isEmpty()) {
            return path.equals(SESSION_PATH) ? askForALink() : invalid();
        }
        return page(HttpStatus.UNPROCESSABLE_ENTITY, supplier.get(), path, "", FormErrors.of(exception), false);
    }

    private HttpResponse<?> choose(SupplierSummary supplier, String action, @Nullable String typed) {
        Optional<AlertChoice> choice = AlertChoice.parse(typed);
        if (choice.isEmpty()) {
            return page(HttpStatus.UNPROCESSABLE_ENTITY, supplier, action, "", Map.of("frequence", AlertSettingsForm.CHOOSE), false);
        }
        alerts.choose(supplier.id(), choice.get());
        return HttpResponse.seeOther(URI.create(action + "?enregistre=1"));
    }

    private Optional<SupplierSummary> signed(long supplierId, String signature) {
        return alerts.validSignature(supplierId, signature) ? interests.activeSupplier(supplierId) : Optional.empty();
    }

    private static String signedAction(long supplierId, String signature) {
        return SIGNED_PATH + "/" + supplierId + "/" + signature;
    }

    private static MutableHttpResponse<?> page(HttpStatus status, SupplierSummary supplier, String action, String chosen,
                                               Map<String, String> errors, boolean saved) {
        Map<String, Object> model = new HashMap<>();
        model.put("supplier", supplier);
        model.put("action", action);
        model.put("chosen", chosen);
        model.put("choices", AlertChoice.values());
        model.put("errors", errors);
        if (saved) {
            model.put("success", SAVED);
        }
        return HttpResponse.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store").body(new ModelAndView<>(VIEW, model));
    }

    private static HttpResponse<?> askForALink() {
        return HttpResponse.seeOther(URI.create("/mon-profil" + ReturnPath.query(SESSION_PATH)));
    }

    private static HttpResponse<?> invalid() {
        Map<String, Object> model = new HashMap<>();
        model.put("done", false);
        model.put("invalid", true);
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("programming/alertes-desabonnement", model));
    }
}
