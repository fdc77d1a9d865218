package fr.vivier.programming;

import fr.vivier.web.session.FormPage;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.Map;

/**
 * The unsubscribe link of the programming alerts, without signing in: the link is signed with a server key. The
 * link shows a button (mail scanners that fetch links unsubscribe nobody); the button unsubscribes.
 */
@Controller(AlertUnsubscribeController.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
class AlertUnsubscribeController {
    static final String PATH = "/programmation/alertes/desabonnement";

    private final ProgrammingAlerts alerts;

    AlertUnsubscribeController(ProgrammingAlerts alerts) {
        this.alerts = alerts;
    }

    @Get("/{supplierId}/{signature}")
    @FormPage
    HttpResponse<?> confirm(@PathVariable long supplierId, @PathVariable String signature) {
        if (!alerts.validSignature(supplierId, signature)) {
            return invalid();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("action", PATH + "/" + supplierId + "/" + signature);
        model.put("done", false);
        return HttpResponse.ok(new ModelAndView<>("programming/alertes-desabonnement", model));
    }

    @Post(value = "/{supplierId}/{signature}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unsubscribe(@PathVariable long supplierId, @PathVariable String signature) {
        if (!alerts.validSignature(supplierId, signature)) {
            return invalid();
        }
        alerts.unsubscribe(supplierId);
        Map<String, Object> model = new HashMap<>();
        model.put("done", true);
        return HttpResponse.ok(new ModelAndView<>("programming/alertes-desabonnement", model));
    }

    private static HttpResponse<?> invalid() {
        Map<String, Object> model = new HashMap<>();
        model.put("done", false);
        model.put("invalid", true);
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("programming/alertes-desabonnement", model));
    }
}
