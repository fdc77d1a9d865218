package fr.vivier.directory.registration;

import fr.vivier.directory.DirectoryConfiguration;
import fr.vivier.directory.DirectoryService;
import fr.vivier.reference.CommuneChoice;
import fr.vivier.reference.ReferenceData;
import fr.vivier.shared.ClientAddress;
import fr.vivier.web.FormRateLimiter;
import fr.vivier.web.ReturnPath;
import fr.vivier.web.session.FormPage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** « Formulaire de référencement »: public registration of a structure, without JavaScript. */
@Controller("/inscription")
@Secured(SecurityRule.IS_ANONYMOUS)
class RegistrationController {
    static final String VIEW = "directory/registration/inscription";
    static final String RATE_LIMITED = "Trop d’envois depuis votre connexion. Merci de réessayer dans une heure.";

    private final DirectoryService directory;
    private final ReferenceData reference;
    private final FormRateLimiter rateLimiter;
    private final ClientAddress clientAddress;
    private final DirectoryConfiguration configuration;

    RegistrationController(DirectoryService directory, ReferenceData reference,
                           FormRateLimiter rateLimiter, ClientAddress clientAddress, DirectoryConfiguration configuration) {
        this.configuration = configuration;
        this.directory = directory;
        this.reference = reference;
        this.rateLimiter = rateLimiter;
        this.clientAddress = clientAddress;
    }

    @Get
    @FormPage
    ModelAndView<Map<String, Object>> form(@Nullable @QueryValue String retour) {
        return new ModelAndView<>(VIEW, RegistrationFormModel.build(RegistrationForm.empty(retour), Map.of(), List.of(), reference));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> register(HttpRequest<?> request, @Body RegistrationForm form) {
        if (form.isBot()) {
            return HttpResponse.seeOther(URI.create("/inscription/confirmation"));
        }
        if (!rateLimiter.tryAcquire("registration", clientAddress.of(request))) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(new ModelAndView<>("errors/429", Map.of("message", RATE_LIMITED)));
        }
        CommuneChoice commune = reference.resolveCommune(form.communeCode(), form.communeQuery(), RegistrationForm.COMMUNE_MISSING);
        DirectoryService.RegistrationResult result = directory.registerAndReturn(form.toInput(commune), DirectoryService.ACTOR_SUPPLIER,
            form.retour());
        if (result instanceof DirectoryService.RegistrationResult.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW,
                RegistrationFormModel.build(form.shown(commune), form.errors(commune, invalid.errors()), commune.candidates(), reference)));
        }
        // a SIRET already registered gets the same answer as a new one: the form does not tell who is registered
        return HttpResponse.seeOther(URI.create("/inscription/confirmation" + ReturnPath.query(form.retour())));
    }

    @Get("/confirmation")
    ModelAndView<Map<String, Object>> confirmation(@Nullable @QueryValue String retour) {
        return new ModelAndView<>("directory/registration/inscription-confirmation",
            new HashMap<>(Map.of("publishedAtOnce", configuration.publishesAtOnce(), "returnsToProgramming", ReturnPath.of(retour).isPresent())));
    }
}
