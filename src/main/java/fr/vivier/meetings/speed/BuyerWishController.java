package fr.vivier.meetings.speed;

import fr.vivier.meetings.EventKind;
import fr.vivier.meetings.EventService;
import fr.vivier.meetings.MeetingEvent;
import fr.vivier.meetings.Participant;
import fr.vivier.meetings.Registration;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.FormErrors;
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
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A buyer registered to a speed-meeting chooses, until it starts, the registered suppliers it wants to meet. */
@Controller("/rencontres/{eventId}/mes-souhaits")
@Secured({"BUYER", "STAFF", "ADMIN"})
class BuyerWishController {
    private static final String VIEW = "meetings/mes-souhaits";

    private final EventService events;
    private final WishService wishes;
    private final ScheduleService schedules;
    private final SchedulePdf pdf;
    private final Clock clock;

    BuyerWishController(EventService events, WishService wishes, ScheduleService schedules, SchedulePdf pdf, Clock clock) {
        this.events = events;
        this.wishes = wishes;
        this.schedules = schedules;
        this.pdf = pdf;
        this.clock = clock;
    }

    @Get
    ModelAndView<Map<String, Object>> show(@PathVariable long eventId, @Nullable @QueryValue String succes,
                                           @Nullable @QueryValue String personnes, Authentication authentication) {
        MeetingEvent event = speedMeeting(eventId);
        Map<String, Object> model = model(event, own(event, authentication), WishForm.empty(), Map.of());
        if ("ajoute".equals(succes)) {
            model.put("success", personnes != null && personnes.matches("\\d{1,6}") && !"1".equals(personnes)
                ? "Votre souhait est enregistré pour " + personnes + " personnes inscrites." : "Votre souhait est enregistré.");
        } else if ("retire".equals(succes)) {
            model.put("success", "Votre souhait est retiré.");
        }
        return new ModelAndView<>(VIEW, model);
    }

    /** The buyer's own schedule, to print. */
    @Get("/planning.pdf")
    HttpResponse<byte[]> schedulePdf(@PathVariable long eventId, Authentication authentication, HttpRequest<?> request) {
        MeetingEvent event = speedMeeting(eventId);
        Registration own = own(event, authentication);
        return pdf.response(request, event, schedules.lineOf(event, own).stream().toList(), true, "mon-planning-" + eventId + ".pdf");
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> declare(@PathVariable long eventId, @Valid @Body WishForm form, Authentication authentication) {
        MeetingEvent event = speedMeeting(eventId);
        Registration own = own(event, authentication);
        if (!clock.instant().isBefore(event.startsAt())) {
            Map<String, Object> model = model(event, own, form, Map.of());
            model.put("message", "Le speed-meeting a commencé : les souhaits sont clos. Rien n’a changé.");
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model));
        }
        WishForm ownWish = new WishForm(String.valueOf(own.id()), form.vers(), form.priorite());
        WishService.Outcome outcome = wishes.declare(event, ownWish);
        if (outcome instanceof WishService.Outcome.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model(event, own, form, invalid.errors())));
        }
        return HttpResponse.seeOther(URI.create("/rencontres/" + eventId + "/mes-souhaits?succes=ajoute&personnes="
            + ((WishService.Outcome.Done) outcome).people()));
    }

    @Post(value = "/retrait", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(@PathVariable long eventId, @Valid @Body WishForm form, Authentication authentication) {
        MeetingEvent event = speedMeeting(eventId);
        Registration own = own(event, authentication);
        boolean withdrawn = form.vers() != null && form.vers().strip().matches("\\d{1,18}")
            && wishes.withdraw(event, own.id(), Long.parseLong(form.vers().strip()));
        if (!withdrawn) {
            Map<String, Object> model = model(event, own, WishForm.empty(), Map.of());
            model.put("message", "Ce souhait n’existe plus : rien n’a changé.");
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model));
        }
        return HttpResponse.seeOther(URI.create("/rencontres/" + eventId + "/mes-souhaits?succes=retire"));
    }

    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        String[] parts = request.getPath().split("/");
        MeetingEvent event = speedMeeting(parts[2].matches("\\d{1,18}") ? Long.parseLong(parts[2]) : -1);
        Registration own = own(event, request.getUserPrincipal(Authentication.class).orElseThrow());
        WishForm form = request.getBody(WishForm.class).orElse(WishForm.empty());
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model(event, own, form, FormErrors.of(exception))));
    }

    private Map<String, Object> model(MeetingEvent event, Registration own, WishForm form, Map<String, String> errors) {
        return ownWishesModel(wishes, schedules, event, own, "/rencontres/" + event.id() + "/mes-souhaits", form, errors);
    }

    /** The page where someone registered chooses whom to meet on the other side (buyers here, suppliers through their link). */
    static Map<String, Object> ownWishesModel(WishService wishes, ScheduleService schedules, MeetingEvent event, Registration own,
                                              String action, WishForm form, Map<String, String> errors) {
        boolean buyer = own.participant() == Participant.BUYER;
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("own", own);
        model.put("action", action);
        model.put("form", form);
        model.put("errors", errors);
        model.put("wishes", wishes.wishes(event).stream().filter(wish -> wish.from().id().equals(own.id())).toList());
        model.put("choiceGroups", wishes.choices(event, own));
        model.put("choicesName", buyer ? "fournisseurs" : "acheteurs");
        model.put("choiceLabel", buyer ? "Fournisseur ou secteur à rencontrer" : "Acheteur, direction ou achat prévu à rencontrer");
        model.put("priorities", SpeedMeetingController.PRIORITIES);
        model.put("schedule", schedules.lineOf(event, own).orElse(null));
        return model;
    }

    /** The signed-in person's confirmed registration as a buyer; 403 otherwise. */
    private Registration own(MeetingEvent event, Authentication authentication) {
        long accountId = CurrentUser.of(authentication).accountId();
        return wishes.confirmed(event.id()).values().stream()
            .filter(r -> r.participant() == Participant.BUYER && r.accountId() != null && r.accountId() == accountId).findFirst()
            .orElseThrow(() -> new HttpStatusException(HttpStatus.FORBIDDEN,
                "Seuls les acheteurs inscrits (inscription confirmée) à ce speed-meeting y déclarent leurs souhaits."));
    }

    private MeetingEvent speedMeeting(long id) {
        return events.find(id).filter(event -> event.kind() == EventKind.SPEED_MEETING)
            .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Speed-meeting introuvable."));
    }
}
