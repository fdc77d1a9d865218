package fr.vivier.meetings;

import fr.vivier.buyers.SpreadsheetFiles;
import fr.vivier.directory.StructureKind;
import fr.vivier.programming.Editor;
import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;
import fr.vivier.programming.ProgrammingLine;
import fr.vivier.reference.Sector;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Staff organise events: the list with registrations and attendance, the event form, an event's registrations. */
@Controller(StaffEventController.PATH)
@Secured({"STAFF", "ADMIN"})
class StaffEventController {
    static final String PATH = "/agents/rencontres";
    static final String FORM_VIEW = "meetings/agents-rencontre-formulaire";

    private final EventService events;
    private final RegistrationService registrations;
    private final EventCalendar calendar;
    private final ReferenceData reference;
    private final InvitationService invitations;
    private final Clock clock;

    StaffEventController(EventService events, RegistrationService registrations, EventCalendar calendar,
                         ReferenceData reference, InvitationService invitations, Clock clock) {
        this.invitations = invitations;
        this.clock = clock;
        this.events = events;
        this.registrations = registrations;
        this.calendar = calendar;
        this.reference = reference;
    }

    /** The lines an event may present, by year, for the checkbox picker. */
    record LineGroup(String label, List<ProgrammingLine> lines) {
        public long selectedIn(EventForm form) {
            return lines.stream().filter(line -> form.hasLine(line.id())).count();
        }
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue String page, @Nullable @QueryValue String succes) {
        EventService.EventPage events = this.events.staffList(EventService.id(page).map(Long::intValue).orElse(0));
        Map<String, Object> model = new HashMap<>();
        model.put("events", events.events().stream().map(EventRow::of).toList());
        model.put("page", events.page());
        model.put("totalPages", events.totalPages());
        model.put("previousPage", events.page() > 0 ? PATH + "?page=" + (events.page() - 1) : null);
        model.put("nextPage", events.page() + 1 < events.totalPages() ? PATH + "?page=" + (events.page() + 1) : null);
        if ("supprime".equals(succes)) {
            model.put("success", "L’événement est supprimé.");
        }
        return new ModelAndView<>("meetings/agents-rencontres", model);
    }

    /** A line of the staff list: the event and its figures. */
    record EventRow(MeetingEvent event, int confirmed, int waiting, int capacity, @Nullable Integer attendanceRate, int present, int absent) {
        static EventRow of(MeetingRepository.EventCounts counts) {
            int taken = counts.present() + counts.absent();
            Integer rate = taken == 0 ? null : Math.round(100f * counts.present() / taken);
            return new EventRow(counts.event(), counts.confirmed(), counts.waiting(), counts.event().capacity(), rate, counts.present(),
                counts.absent());
        }
    }

    static final List<String> EXPORT_HEADERS = List.of("Date", "Événement", "Type", "Places", "Inscrits", "Liste d’attente", "Présents",
        "Absents", "Taux de présence (%)");

    @Get("/export.csv")
    HttpResponse<?> csv() {
        return SpreadsheetFiles.download(SpreadsheetFiles.csv(EXPORT_HEADERS, exportRows()), SpreadsheetFiles.CSV_TYPE, "rencontres", "csv", clock);
    }

    @Get("/export.xlsx")
    HttpResponse<?> xlsx() {
        return SpreadsheetFiles.download(SpreadsheetFiles.xlsx("Rencontres", EXPORT_HEADERS, exportRows()), SpreadsheetFiles.XLSX_TYPE,
            "rencontres", "xlsx", clock);
    }

    private List<List<String>> exportRows() {
        return events.all().stream().map(EventRow::of).map(row -> List.of(row.event().day().toString(), row.event().title(),
            row.event().kind().label(), String.valueOf(row.capacity()), String.valueOf(row.confirmed()), String.valueOf(row.waiting()),
            String.valueOf(row.present()), String.valueOf(row.absent()), row.attendanceRate() == null ? "" : String.valueOf(row.attendanceRate())))
            .toList();
    }

    /** The attendance sheet, for a tablet at the door: one big button per person and state, late arrivals added below. */
    @Get("/{id}/presence")
    ModelAndView<Map<String, Object>> attendance(@PathVariable long id) {
        return attendanceView(event(id), Map.of(), new LateArrivalForm(null, null, null, null), null);
    }

    @Post(value = "/{id}/presence", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> markAttendance(@PathVariable long id, @Valid @Body AttendanceForm form) {
        MeetingEvent event = event(id);
        return registrations.markAttendance(id, form).<HttpResponse<?>>map(refusal -> HttpResponse.unprocessableEntity()
                .body(attendanceView(event, Map.of(), new LateArrivalForm(null, null, null, null), refusal)))
            .orElseGet(() -> HttpResponse.seeOther(URI.create(PATH + "/" + id + "/presence#inscription-" + form.inscription())));
    }

    @Post(value = "/{id}/arrivees", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addLateArrival(@PathVariable long id, @Valid @Body LateArrivalForm form) {
        MeetingEvent event = event(id);
        RegistrationService.Outcome outcome = registrations.addLateArrival(id, form);
        if (outcome instanceof RegistrationService.Outcome.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(attendanceView(event, invalid.errors(), form, null));
        }
        return HttpResponse.seeOther(URI.create(PATH + "/" + id + "/presence"));
    }

    private ModelAndView<Map<String, Object>> attendanceView(MeetingEvent event, Map<String, String> errors, LateArrivalForm lateArrival,
                                                             @Nullable String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("counts", events.counts(event));
        model.put("registrations", events.registrations(event.id()).stream()
            .filter(registration -> registration.status() == RegistrationStatus.CONFIRMED).toList());
        model.put("errors", errors);
        model.put("form", lateArrival);
        model.put("message", message);
        return new ModelAndView<>("meetings/agents-rencontre-presence", model);
    }

    @Get("/nouvelle")
    ModelAndView<Map<String, Object>> newEvent(Authentication authentication) {
        return formView(events.blank(CurrentUser.of(authentication).displayName()), Map.of(), List.of(), null, authentication);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@Valid @Body EventForm form, Authentication authentication) {
        EventService.Saved saved = events.create(form, CurrentUser.of(authentication).accountId());
        if (saved instanceof EventService.Saved.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(formView(form, invalid.errors(), invalid.communeCandidates(), null, authentication));
        }
        return HttpResponse.seeOther(URI.create(PATH + "/" + ((EventService.Saved.Done) saved).event().id() + "?succes=cree"));
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(@PathVariable long id, @Nullable @QueryValue String succes, @Nullable @QueryValue String envoyees,
                                           @Nullable @QueryValue String sansConsentement, @Nullable @QueryValue String deja,
                                           @Nullable @QueryValue String acheteurs) {
        MeetingEvent event = event(id);
        Map<String, Object> model = detail(event);
        if ("cree".equals(succes)) {
            model.put("success", "L’événement est créé. Sa page publique : " + PublicEventController.eventPath(id));
        } else if ("modifie".equals(succes)) {
            model.put("success", "L’événement est modifié.");
        } else if ("invitations".equals(succes)) {
            model.put("success", "Invitations : " + number(envoyees) + " envoyée(s) ; " + number(sansConsentement)
                + " structure(s) sans consentement au contact laissée(s) de côté ; " + number(deja) + " déjà invitée(s) ; "
                + number(acheteurs) + " acheteur(s) invité(s).");
        }
        return new ModelAndView<>("meetings/agents-rencontre", model);
    }

    @Get("/{id}/modifier")
    ModelAndView<Map<String, Object>> editForm(@PathVariable long id, Authentication authentication) {
        return formView(events.formOf(event(id)), Map.of(), List.of(), id, authentication);
    }

    @Post(value = "/{id}/modifier", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> edit(@PathVariable long id, @Valid @Body EventForm form, Authentication authentication) {
        event(id);
        EventService.Saved saved = events.update(id, form);
        if (saved instanceof EventService.Saved.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(formView(form, invalid.errors(), invalid.communeCandidates(), id, authentication));
        }
        return HttpResponse.seeOther(URI.create(PATH + "/" + id + "?succes=modifie"));
    }

    @Post(value = "/{id}/suppression", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(@PathVariable long id) {
        event(id);
        return events.delete(id).<HttpResponse<?>>map(refusal -> {
            MeetingEvent event = event(id);
            Map<String, Object> model = detail(event);
            model.put("message", refusal);
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("meetings/agents-rencontre", model));
        }).orElseGet(() -> HttpResponse.seeOther(URI.create(PATH + "?succes=supprime")));
    }

    @Get("/{id}/invitations")
    ModelAndView<Map<String, Object>> invitationForm(@PathVariable long id) {
        MeetingEvent event = event(id);
        InvitationForm form = invitations.formOf(event);
        return invitationView(event, form, Map.of());
    }

    @Post(value = "/{id}/invitations", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> invite(@PathVariable long id, @Valid @Body InvitationForm form, Authentication authentication) {
        MeetingEvent event = event(id);
        InvitationService.Segment segment = invitations.segment(form);
        if (segment instanceof InvitationService.Segment.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(invitationView(event, form, invalid.errors()));
        }
        return invitations.send(event, (InvitationService.Segment.Valid) segment, CurrentUser.of(authentication).accountId())
            .<HttpResponse<?>>map(sent -> HttpResponse.seeOther(URI.create(PATH + "/" + id + "?succes=invitations&envoyees=" + sent.mailed()
                + "&sansConsentement=" + sent.withoutConsent() + "&deja=" + sent.alreadyInvited() + "&acheteurs=" + sent.buyers())))
            .orElseGet(() -> HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(invitationView(event, form,
                Map.of("secteurs", "La recherche des fournisseurs est momentanément indisponible : aucune invitation n’est partie. "
                    + "Réessayez dans quelques minutes."))));
    }

    private ModelAndView<Map<String, Object>> invitationView(MeetingEvent event, InvitationForm form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("form", form);
        model.put("errors", errors);
        model.put("families", StructureKind.Family.values());
        model.put("sectorGroups", reference.sectorFamilies());
        model.put("alreadyInvited", invitations.invited(event.id()));
        model.put("buyersInvited", invitations.invitedBuyers(event.id()));
        model.put("directions", invitations.directions());
        InvitationService.Segment segment = invitations.segment(form);
        model.put("matching", segment instanceof InvitationService.Segment.Valid valid && valid.invitesSuppliers()
            ? invitations.count(valid).orElse(null) : null);
        return new ModelAndView<>("meetings/agents-rencontre-invitations", model);
    }

    /** A field longer than allowed: the form again with that message and the others the rules give, input kept. */
    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElseThrow();
        if (request.getPath().endsWith("/presence") || request.getPath().endsWith("/arrivees")) {
            MeetingEvent event = EventService.id(request.getPath().split("/")[3]).flatMap(events::find)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Événement introuvable."));
            LateArrivalForm form = request.getPath().endsWith("/arrivees")
                ? request.getBody(LateArrivalForm.class).orElse(new LateArrivalForm(null, null, null, null)) : new LateArrivalForm(null, null, null, null);
            return HttpResponse.unprocessableEntity().body(attendanceView(event, FormErrors.of(exception), form, null));
        }
        if (request.getPath().endsWith("/invitations")) {
            MeetingEvent event = EventService.id(request.getPath().split("/")[3]).flatMap(events::find)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Événement introuvable."));
            InvitationForm form = request.getBody(InvitationForm.class).orElse(new InvitationForm(null, null, null, null));
            return HttpResponse.unprocessableEntity().body(invitationView(event, form, FormErrors.of(exception)));
        }
        EventForm form = request.getBody(EventForm.class).orElse(EventForm.empty());
        Long id = request.getPath().endsWith("/modifier") ? EventService.id(request.getPath().split("/")[3]).orElse(null) : null;
        MeetingEvent existing = id == null ? null : event(id);
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(exception));
        events.problems(form, existing).forEach(errors::putIfAbsent);
        return HttpResponse.unprocessableEntity().body(formView(form, errors, List.of(), id, authentication));
    }

    private ModelAndView<Map<String, Object>> formView(EventForm form, Map<String, String> errors, List<Commune> candidates, @Nullable Long id,
                                                       Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("communeCandidates", candidates);
        model.put("eventId", id);
        model.put("action", id == null ? PATH : PATH + "/" + id + "/modifier");
        model.put("kinds", EventKind.values());
        model.put("families", StructureKind.Family.values());
        model.put("sectorGroups", reference.sectorFamilies());
        model.put("lineGroups", events.lineChoices(new Editor(user.accountId(), user.displayName(), true, null)).stream()
            .collect(java.util.stream.Collectors.groupingBy(ProgrammingLine::year, java.util.TreeMap::new, java.util.stream.Collectors.toList()))
            .entrySet().stream().map(year -> new LineGroup("Programmation " + year.getKey(), year.getValue())).toList());
        return new ModelAndView<>(FORM_VIEW, model);
    }

    private static long number(@Nullable String value) {
        return EventService.id(value).orElse(0L);
    }

    private Map<String, Object> detail(MeetingEvent event) {
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("counts", events.counts(event));
        model.put("place", calendar.place(event));
        model.put("registrations", events.registrations(event.id()));
        model.put("lines", events.lines(event.programmingLineIds()));
        model.put("sectors", event.audienceSectors().stream().map(this::sectorLabel).toList());
        model.put("kinds", event.audienceKinds().stream().map(kind -> StructureKind.Family.valueOf(kind).label()).toList());
        model.put("invited", invitations.invited(event.id()));
        return model;
    }

    private String sectorLabel(String code) {
        return reference.sectors().stream().filter(sector -> sector.code().equals(code)).map(Sector::label).findFirst().orElse(code);
    }

    private MeetingEvent event(long id) {
        return events.find(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Événement introuvable."));
    }
}
