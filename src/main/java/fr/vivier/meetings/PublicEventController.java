package fr.vivier.meetings;

import fr.vivier.shared.ClientAddress;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.FormErrors;
import fr.vivier.web.FormRateLimiter;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public side of events: the list of upcoming ones, an event's page with its registration form (a supplier by SIRET
 * or through its invitation link; a signed-in buyer in one click), and the cancellation link of the mails.
 */
@Controller("/rencontres")
@Secured(SecurityRule.IS_ANONYMOUS)
class PublicEventController {
    static final String CANCELLATION_PATH = "/rencontres/annulation";
    static final String RATE_LIMITED = "Trop d’envois depuis votre connexion. Merci de réessayer dans une heure.";

    private final EventService events;
    private final RegistrationService registrations;
    private final EventCalendar calendar;
    private final FormRateLimiter rateLimiter;
    private final ClientAddress clientAddress;

    PublicEventController(EventService events, RegistrationService registrations, EventCalendar calendar, FormRateLimiter rateLimiter,
                          ClientAddress clientAddress) {
        this.events = events;
        this.registrations = registrations;
        this.calendar = calendar;
        this.rateLimiter = rateLimiter;
        this.clientAddress = clientAddress;
    }

    static String eventPath(long id) {
        return "/rencontres/" + id;
    }

    @Get
    ModelAndView<Map<String, Object>> list() {
        Map<String, Object> model = new HashMap<>();
        model.put("events", events.upcoming(100).stream().map(event -> new EventCard(event, calendar.place(event))).toList());
        return new ModelAndView<>("meetings/rencontres", model);
    }

    record EventCard(MeetingEvent event, String place) { }

    @Get("/{id}")
    @FormPage
    ModelAndView<Map<String, Object>> show(@PathVariable long id, @Nullable @QueryValue String invitation, @Nullable @QueryValue String inscription,
                                           @Nullable Authentication authentication) {
        MeetingEvent event = event(id);
        SupplierRegistrationForm form = registrations.invited(id, invitation)
            .map(invited -> new SupplierRegistrationForm(null, null, invited.contactName(), invited.contactEmail(), invitation))
            .orElse(SupplierRegistrationForm.empty());
        Map<String, Object> model = page(event, form, Map.of(), authentication);
        if ("confirmee".equals(inscription)) {
            model.put("success", "Votre inscription est confirmée : un courriel de confirmation vous est envoyé, avec l’événement à ajouter à votre agenda.");
        } else if ("attente".equals(inscription)) {
            model.put("success", "L’événement est complet : vous êtes sur la liste d’attente. Un courriel vous le confirme ; "
                + "si une place se libère, elle vous est donnée dans l’ordre des inscriptions.");
        }
        return new ModelAndView<>("meetings/rencontre", model);
    }

    @Post(value = "/{id}/inscription", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> registerSupplier(@PathVariable long id, @Valid @Body SupplierRegistrationForm form, HttpRequest<?> request) {
        MeetingEvent event = event(id);
        if (!rateLimiter.tryAcquire("meeting-registration", clientAddress.of(request))) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(new ModelAndView<>("errors/429", Map.of("message", RATE_LIMITED)));
        }
        RegistrationService.Outcome outcome = registrations.registerSupplier(id, form);
        if (outcome instanceof RegistrationService.Outcome.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("meetings/rencontre",
                page(event, form, invalid.errors(), request.getUserPrincipal(Authentication.class).orElse(null))));
        }
        return registered(id, ((RegistrationService.Outcome.Registered) outcome).registration());
    }

    /** Any signed-in buyer may register: the event belongs to no buyer (hence {eventId}, not an owned {id}). */
    @Post(value = "/{eventId}/inscription-acheteur", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"BUYER", "STAFF", "ADMIN"})
    HttpResponse<?> registerBuyer(@PathVariable("eventId") long id, Authentication authentication) {
        MeetingEvent event = event(id);
        RegistrationService.Outcome outcome = registrations.registerBuyer(id, CurrentUser.of(authentication).accountId());
        if (outcome instanceof RegistrationService.Outcome.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("meetings/rencontre",
                page(event, SupplierRegistrationForm.empty(), invalid.errors(), authentication)));
        }
        return registered(id, ((RegistrationService.Outcome.Registered) outcome).registration());
    }

    private static HttpResponse<?> registered(long id, Registration registration) {
        String state = registration.status() == RegistrationStatus.CONFIRMED ? "confirmee" : "attente";
        return HttpResponse.seeOther(URI.create(eventPath(id) + "?inscription=" + state));
    }

    /** A field longer than allowed: the page again with that message and the others the rules give, input kept. */
    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        long id = EventService.id(request.getPath().split("/")[2]).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Événement introuvable."));
        MeetingEvent event = event(id);
        SupplierRegistrationForm form = request.getBody(SupplierRegistrationForm.class).orElse(SupplierRegistrationForm.empty());
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(exception));
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>("meetings/rencontre",
            page(event, form, errors, request.getUserPrincipal(Authentication.class).orElse(null))));
    }

    @Get("/annulation/{registrationId}/{signature}")
    @FormPage
    HttpResponse<?> cancellation(@PathVariable long registrationId, @PathVariable String signature) {
        return registrations.byCancellationLink(registrationId, signature)
            .<HttpResponse<?>>map(registration -> HttpResponse.ok(cancellationPage(registration, null, false)))
            .orElseGet(PublicEventController::invalidLink);
    }

    @Post(value = "/annulation/{registrationId}/{signature}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(@PathVariable long registrationId, @PathVariable String signature) {
        return registrations.byCancellationLink(registrationId, signature).<HttpResponse<?>>map(registration -> {
            String refusal = registrations.cancel(registrationId).orElse(null);
            return refusal == null ? HttpResponse.ok(cancellationPage(registration, null, true))
                : HttpResponse.unprocessableEntity().body(cancellationPage(registration, refusal, false));
        }).orElseGet(PublicEventController::invalidLink);
    }

    private ModelAndView<Map<String, Object>> cancellationPage(Registration registration, @Nullable String refusal, boolean done) {
        Map<String, Object> model = new HashMap<>();
        model.put("event", event(registration.eventId()));
        model.put("registration", registration);
        model.put("action", registrations.cancellationPath(registration));
        model.put("done", done);
        model.put("message", refusal);
        return new ModelAndView<>("meetings/annulation", model);
    }

    private static HttpResponse<?> invalidLink() {
        Map<String, Object> model = new HashMap<>();
        model.put("invalid", true);
        model.put("done", false);
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("meetings/annulation", model));
    }

    private Map<String, Object> page(MeetingEvent event, SupplierRegistrationForm form, Map<String, String> errors,
                                     @Nullable Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        MeetingRepository.EventCounts counts = events.counts(event);
        model.put("event", event);
        model.put("place", calendar.place(event));
        model.put("remaining", counts.remaining());
        model.put("closed", registrations.closed(event).orElse(null));
        model.put("lines", events.lines(event.programmingLineIds()).stream().filter(line -> line.published()).toList());
        model.put("form", form);
        model.put("errors", errors);
        model.put("invited", registrations.invited(event.id(), form.invitation()).orElse(null));
        CurrentUser user = authentication == null ? null : CurrentUser.of(authentication);
        model.put("signedIn", user != null);
        model.put("buyerRegistration", user == null ? null : registrations.activeOf(event.id(), user.accountId()).orElse(null));
        return model;
    }

    private MeetingEvent event(long id) {
        return events.find(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Événement introuvable."));
    }
}
