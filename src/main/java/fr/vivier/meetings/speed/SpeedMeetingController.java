package fr.vivier.meetings.speed;

import fr.vivier.meetings.EventKind;
import fr.vivier.meetings.EventService;
import fr.vivier.meetings.MeetingEvent;
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
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Staff prepare a speed-meeting: the wishes of its participants, then the schedule built from them, adjusted by hand. */
@Controller(SpeedMeetingController.PATH)
@Secured({"STAFF", "ADMIN"})
class SpeedMeetingController {
    static final String PATH = "/agents/rencontres/{id}";
    private static final String WISHES_VIEW = "meetings/agents-souhaits";
    private static final String SCHEDULE_VIEW = "meetings/agents-planning";

    static final List<String[]> PRIORITIES = List.of(new String[] {"1", "1 — à rencontrer absolument"},
        new String[] {"2", "2 — souhaité"}, new String[] {"3", "3 — si possible"});

    private final EventService events;
    private final WishService wishes;
    private final ScheduleService schedules;
    private final MeetingJournal journal;
    private final SupplierWishLinks links;
    private final ScheduleMails mails;
    private final SchedulePdf pdf;

    SpeedMeetingController(EventService events, WishService wishes, ScheduleService schedules, MeetingJournal journal,
                           SupplierWishLinks links, ScheduleMails mails, SchedulePdf pdf) {
        this.mails = mails;
        this.pdf = pdf;
        this.journal = journal;
        this.links = links;
        this.events = events;
        this.wishes = wishes;
        this.schedules = schedules;
    }

    static String base(long id) {
        return "/agents/rencontres/" + id;
    }

    @Get("/souhaits")
    ModelAndView<Map<String, Object>> wishList(@PathVariable long id, @Nullable @QueryValue String succes,
                                               @Nullable @QueryValue String envoyes) {
        ModelAndView<Map<String, Object>> view = wishView(speedMeeting(id), WishForm.empty(), Map.of());
        if ("liens".equals(succes)) {
            view.getModel().orElseThrow().put("success", "Lien personnel envoyé à " + count(envoyes) + " fournisseur(s) inscrit(s).");
        } else if ("ajoute".equals(succes)) {
            view.getModel().orElseThrow().put("success", "Le souhait est enregistré.");
        } else if ("retire".equals(succes)) {
            view.getModel().orElseThrow().put("success", "Le souhait est retiré.");
        }
        return view;
    }

    @Post(value = "/souhaits", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> declare(@PathVariable long id, @Valid @Body WishForm form) {
        MeetingEvent event = speedMeeting(id);
        if (wishes.declare(event, form) instanceof WishService.Outcome.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(wishView(event, form, invalid.errors()));
        }
        return HttpResponse.seeOther(URI.create(base(id) + "/souhaits?succes=ajoute"));
    }

    /** Mails each registered supplier its personal link to choose the buyers it wants to meet. */
    @Post(value = "/souhaits/liens", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> mailSupplierLinks(@PathVariable long id) {
        MeetingEvent event = speedMeeting(id);
        return HttpResponse.seeOther(URI.create(base(id) + "/souhaits?succes=liens&envoyes=" + links.mailAll(event)));
    }

    @Post(value = "/souhaits/retrait", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(@PathVariable long id, @Valid @Body WishForm form) {
        MeetingEvent event = speedMeeting(id);
        Long from = number(form.de());
        Long to = number(form.vers());
        if (from == null || to == null || !wishes.withdraw(event, from, to)) {
            ModelAndView<Map<String, Object>> view = wishView(event, WishForm.empty(), Map.of());
            view.getModel().orElseThrow().put("message", "Ce souhait n’existe plus : rien n’a changé.");
            return HttpResponse.unprocessableEntity().body(view);
        }
        return HttpResponse.seeOther(URI.create(base(id) + "/souhaits?succes=retire"));
    }

    private ModelAndView<Map<String, Object>> wishView(MeetingEvent event, WishForm form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("form", form);
        model.put("errors", errors);
        model.put("wishes", wishes.wishes(event));
        model.put("participants", wishes.confirmed(event.id()).values());
        model.put("priorities", PRIORITIES);
        return new ModelAndView<>(WISHES_VIEW, model);
    }

    @Get("/planning")
    ModelAndView<Map<String, Object>> schedule(@PathVariable long id, @Nullable @QueryValue String succes,
                                               @Nullable @QueryValue String ecrites, @Nullable @QueryValue String deja,
                                               @Nullable @QueryValue String nonTenues, @Nullable @QueryValue String refusees) {
        MeetingEvent event = speedMeeting(id);
        ModelAndView<Map<String, Object>> view = scheduleView(event, schedules.formOf(id), Map.of(), null);
        if ("envoi".equals(succes)) {
            view.getModel().orElseThrow().put("success", "Planning envoyé à " + count(ecrites) + " participant(s) (ceux qui ont au moins une rencontre).");
        } else if ("journal".equals(succes)) {
            view.getModel().orElseThrow().put("success", "Journal de sourcing : " + count(ecrites) + " rencontre(s) tenue(s) reportée(s) ; "
                + count(deja) + " déjà reportée(s) ; " + count(nonTenues) + " non tenue(s) (absence ou présence non relevée) ; "
                + count(refusees) + " refusée(s) par le journal.");
        } else if ("construit".equals(succes)) {
            view.getModel().orElseThrow().put("success", "Le planning est construit.");
        } else if ("modifie".equals(succes)) {
            view.getModel().orElseThrow().put("success", "Le planning est modifié.");
        }
        return view;
    }

    @Get("/planning/fournisseurs")
    ModelAndView<Map<String, Object>> schedulePerSupplier(@PathVariable long id) {
        MeetingEvent event = speedMeeting(id);
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("schedule", schedules.page(event));
        return new ModelAndView<>("meetings/agents-planning-fournisseurs", model);
    }

    /** One page per table, to print and put on each table. */
    @Get("/planning/tables.pdf")
    HttpResponse<byte[]> tablesPdf(@PathVariable long id, HttpRequest<?> request) {
        MeetingEvent event = speedMeeting(id);
        return pdf.response(request, event, schedules.page(event).tables().stream().filter(line -> line.meetings() > 0).toList(), true,
            "planning-tables-" + id + ".pdf");
    }

    /** One page per supplier with at least one meeting. */
    @Get("/planning/fournisseurs.pdf")
    HttpResponse<byte[]> suppliersPdf(@PathVariable long id, HttpRequest<?> request) {
        MeetingEvent event = speedMeeting(id);
        return pdf.response(request, event, schedules.page(event).suppliers(), false, "planning-fournisseurs-" + id + ".pdf");
    }

    @Post(value = "/planning", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> build(@PathVariable long id, @Valid @Body ScheduleForm form) {
        MeetingEvent event = speedMeeting(id);
        return outcome(event, form, schedules.build(event, form), "construit");
    }

    @Post(value = "/planning/deplacement", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> move(@PathVariable long id, @Valid @Body AppointmentForm form) {
        MeetingEvent event = speedMeeting(id);
        return outcome(event, schedules.formOf(id), schedules.move(event, form), "modifie");
    }

    @Post(value = "/planning/echange", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> swap(@PathVariable long id, @Valid @Body AppointmentForm form) {
        MeetingEvent event = speedMeeting(id);
        return outcome(event, schedules.formOf(id), schedules.swap(event, form), "modifie");
    }

    @Post(value = "/planning/retrait", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(@PathVariable long id, @Valid @Body AppointmentForm form) {
        MeetingEvent event = speedMeeting(id);
        return outcome(event, schedules.formOf(id), schedules.remove(event, form), "modifie");
    }

    @Post(value = "/planning/ajout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(@PathVariable long id, @Valid @Body AppointmentForm form) {
        MeetingEvent event = speedMeeting(id);
        return outcome(event, schedules.formOf(id), schedules.add(event, form), "modifie");
    }

    @Post(value = "/planning/envoi", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> mailSchedules(@PathVariable long id) {
        MeetingEvent event = speedMeeting(id);
        return HttpResponse.seeOther(URI.create(base(id) + "/planning?succes=envoi&ecrites=" + mails.mailEveryone(event)));
    }

    @Post(value = "/planning/journal", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logHeldMeetings(@PathVariable long id) {
        MeetingEvent event = speedMeeting(id);
        return journal.logHeldMeetings(event).<HttpResponse<?>>map(logged -> HttpResponse.seeOther(URI.create(base(id)
                + "/planning?succes=journal&ecrites=" + logged.written() + "&deja=" + logged.already() + "&nonTenues=" + logged.notHeld()
                + "&refusees=" + logged.refused())))
            .orElseGet(() -> HttpResponse.unprocessableEntity().body(scheduleView(event, schedules.formOf(id), Map.of(),
                "L’événement n’est pas terminé : les rencontres seront reportées au journal de sourcing une fois tenues. Rien n’a changé.")));
    }

    private static long count(@Nullable String value) {
        Long number = number(value);
        return number == null ? 0 : number;
    }

    private HttpResponse<?> outcome(MeetingEvent event, ScheduleForm form, ScheduleService.Outcome outcome, String success) {
        if (outcome instanceof ScheduleService.Outcome.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(scheduleView(event, form, invalid.errors(), null));
        }
        if (outcome instanceof ScheduleService.Outcome.Refused refused) {
            return HttpResponse.unprocessableEntity().body(scheduleView(event, form, Map.of(), refused.message()));
        }
        return HttpResponse.seeOther(URI.create(base(event.id()) + "/planning?succes=" + success));
    }

    private ModelAndView<Map<String, Object>> scheduleView(MeetingEvent event, ScheduleForm form, Map<String, String> errors,
                                                           @Nullable String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("form", form);
        model.put("errors", errors);
        model.put("message", message);
        model.put("schedule", schedules.page(event));
        return new ModelAndView<>(SCHEDULE_VIEW, model);
    }

    /** A field longer than allowed: the same page with the message, input kept. */
    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        Long id = number(request.getPath().split("/")[3]);
        MeetingEvent event = speedMeeting(id == null ? -1 : id);
        if (request.getPath().contains("/souhaits")) {
            WishForm form = request.getBody(WishForm.class).orElse(WishForm.empty());
            return HttpResponse.unprocessableEntity().body(wishView(event, form, FormErrors.of(exception)));
        }
        ScheduleForm form = request.getPath().endsWith("/planning")
            ? request.getBody(ScheduleForm.class).orElse(schedules.formOf(event.id())) : schedules.formOf(event.id());
        return HttpResponse.unprocessableEntity().body(scheduleView(event, form, FormErrors.of(exception),
            request.getPath().endsWith("/planning") ? null : "Demande illisible : rien n’a changé."));
    }

    private MeetingEvent speedMeeting(long id) {
        return events.find(id).filter(event -> event.kind() == EventKind.SPEED_MEETING)
            .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Speed-meeting introuvable."));
    }

    private static @Nullable Long number(@Nullable String value) {
        return value != null && value.strip().matches("\\d{1,18}") ? Long.valueOf(value.strip()) : null;
    }
}
