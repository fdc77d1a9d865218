package fr.vivier.meetings.speed;

import fr.vivier.meetings.EventKind;
import fr.vivier.meetings.EventService;
import fr.vivier.meetings.MeetingEvent;
import fr.vivier.meetings.Registration;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/** A registered supplier, through the personal link it was mailed, chooses until the event starts the buyers it wants to meet. */
@Controller("/rencontres/{eventId}/souhaits-fournisseur/{registrationId}/{signature}")
@Secured(SecurityRule.IS_ANONYMOUS)
class SupplierWishController {
    private static final String VIEW = "meetings/mes-souhaits";

    private final EventService events;
    private final WishService wishes;
    private final ScheduleService schedules;
    private final SchedulePdf pdf;
    private final SupplierWishLinks links;
    private final Clock clock;

    SupplierWishController(EventService events, WishService wishes, ScheduleService schedules, SchedulePdf pdf, SupplierWishLinks links, Clock clock) {
        this.events = events;
        this.wishes = wishes;
        this.schedules = schedules;
        this.pdf = pdf;
        this.links = links;
        this.clock = clock;
    }

    @Get
    @FormPage
    ModelAndView<Map<String, Object>> show(@PathVariable long eventId, @PathVariable long registrationId, @PathVariable String signature,
                                           @Nullable @QueryValue String succes, @Nullable @QueryValue String personnes) {
        MeetingEvent event = speedMeeting(eventId);
        Map<String, Object> model = model(event, own(event, registrationId, signature), WishForm.empty(), Map.of());
        if ("ajoute".equals(succes)) {
            model.put("success", personnes != null && personnes.matches("\\d{1,6}") && !"1".equals(personnes)
                ? "Votre souhait est enregistré pour " + personnes + " personnes inscrites." : "Votre souhait est enregistré.");
        } else if ("retire".equals(succes)) {
            model.put("success", "Votre souhait est retiré.");
        }
        return new ModelAndView<>(VIEW, model);
    }

    /** The supplier's own schedule, to print. */
    @Get("/planning.pdf")
    HttpResponse<byte[]> schedulePdf(@PathVariable long eventId, @PathVariable long registrationId, @PathVariable String signature,
                                     HttpRequest<?> request) {
        MeetingEvent event = speedMeeting(eventId);
        Registration own = own(event, registrationId, signature);
        return pdf.response(request, event, schedules.lineOf(event, own).stream().toList(), false, "mon-planning-" + eventId + ".pdf");
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> declare(@PathVariable long eventId, @PathVariable long registrationId, @PathVariable String signature,
                            @Valid @Body WishForm form) {
        MeetingEvent event = speedMeeting(eventId);
        Registration own = own(event, registrationId, signature);
        if (!clock.instant().isBefore(event.startsAt())) {
            Map<String, Object> model = model(event, own, form, Map.of());
            model.put("message", "Le speed-meeting a commencé : les souhaits sont clos. Rien n’a changé.");
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model));
        }
        WishService.Outcome outcome = wishes.declare(event, new WishForm(String.valueOf(own.id()), form.vers(), form.priorite()));
        if (outcome instanceof WishService.Outcome.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model(event, own, form, invalid.errors())));
        }
        return HttpResponse.seeOther(URI.create(links.path(own, eventId) + "?succes=ajoute&personnes="
            + ((WishService.Outcome.Done) outcome).people()));
    }

    @Post(value = "/retrait", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(@PathVariable long eventId, @PathVariable long registrationId, @PathVariable String signature,
                             @Valid @Body WishForm form) {
        MeetingEvent event = speedMeeting(eventId);
        Registration own = own(event, registrationId, signature);
        boolean withdrawn = form.vers() != null && form.vers().strip().matches("\\d{1,18}")
            && wishes.withdraw(event, own.id(), Long.parseLong(form.vers().strip()));
        if (!withdrawn) {
            Map<String, Object> model = model(event, own, WishForm.empty(), Map.of());
            model.put("message", "Ce souhait n’existe plus : rien n’a changé.");
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model));
        }
        return HttpResponse.seeOther(URI.create(links.path(own, eventId) + "?succes=retire"));
    }

    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        String[] parts = request.getPath().split("/");
        MeetingEvent event = speedMeeting(parts[2].matches("\\d{1,18}") ? Long.parseLong(parts[2]) : -1);
        Registration own = own(event, parts[4].matches("\\d{1,18}") ? Long.parseLong(parts[4]) : -1, parts[5]);
        WishForm form = request.getBody(WishForm.class).orElse(WishForm.empty());
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model(event, own, form, FormErrors.of(exception))));
    }

    private Map<String, Object> model(MeetingEvent event, Registration own, WishForm form, Map<String, String> errors) {
        return BuyerWishController.ownWishesModel(wishes, schedules, event, own, links.path(own, event.id()), form, errors);
    }

    private Registration own(MeetingEvent event, long registrationId, String signature) {
        return links.verified(event.id(), registrationId, signature)
            .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Ce lien n’est pas valable (ou l’inscription est annulée)."));
    }

    private MeetingEvent speedMeeting(long id) {
        return events.find(id).filter(event -> event.kind() == EventKind.SPEED_MEETING)
            .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Speed-meeting introuvable."));
    }
}
