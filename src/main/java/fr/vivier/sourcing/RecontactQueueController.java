package fr.vivier.sourcing;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.StaffQueueFilter;
import fr.vivier.directory.StructureKind;
import fr.vivier.reference.ReferenceData;
import fr.vivier.web.CurrentUser;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** The staff queue of recontact requests: filter, take, answer, close; median answer delay on top. */
@Controller("/agents/demandes-recontact")
@Secured({"STAFF", "ADMIN"})
class RecontactQueueController {
    static final String VIEW = "sourcing/agents-demandes-recontact";
    private static final String PATH = "/agents/demandes-recontact";
    private static final int PAGE_SIZE = 25;
    private static final Map<String, String> SUCCESS = Map.of(
        "attribution", "Vous vous occupez de cette demande.",
        "reponse", "La demande est marquée comme répondue.",
        "cloture", "La demande est close.",
        "confiee", "La demande est confiée à l’acheteur : il la retrouve dans son journal de sourcing.");

    private final RecontactQueueService queue;
    private final ReferenceData reference;
    private final AccountService accounts;

    RecontactQueueController(RecontactQueueService queue, ReferenceData reference, AccountService accounts) {
        this.queue = queue;
        this.reference = reference;
        this.accounts = accounts;
    }

    /** The statuses the list filters on: each one, and the open ones together (new or taken). */
    static final String OPEN = "OUVERTES";

    private static Set<RecontactRequest.Status> statuses(StaffQueueFilter filter) {
        if (filter.statut().isEmpty()) {
            return EnumSet.allOf(RecontactRequest.Status.class);
        }
        return filter.statut().equals(OPEN) ? RecontactQueueService.OPEN : EnumSet.of(RecontactRequest.Status.valueOf(filter.statut()));
    }

    private static List<StaffQueueFilter.StatusOption> statusOptions() {
        List<StaffQueueFilter.StatusOption> options = new ArrayList<>();
        options.add(new StaffQueueFilter.StatusOption(OPEN, "En attente (nouvelles et attribuées)"));
        Arrays.stream(RecontactRequest.Status.values()).forEach(status -> options.add(new StaffQueueFilter.StatusOption(status.name(), status.label())));
        return options;
    }

    private StaffQueueFilter filter(StaffQueueFilter.Raw raw) {
        return StaffQueueFilter.parse(raw, statusOptions().stream().map(StaffQueueFilter.StatusOption::code).collect(Collectors.toSet()),
            reference);
    }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String statut, @Nullable @QueryValue String du, @Nullable @QueryValue String au,
                         @Nullable @QueryValue String commune, @Nullable @QueryValue String communeCode, @Nullable @QueryValue String type,
                         @Nullable @QueryValue String q, @Nullable @QueryValue String page, @Nullable @QueryValue String succes) {
        StaffQueueFilter filter = filter(new StaffQueueFilter.Raw(statut, du, au, commune, communeCode, type, q, page));
        Map<String, Object> model = model(filter);
        if (succes != null && SUCCESS.containsKey(succes)) {
            model.put("success", SUCCESS.get(succes));
        }
        HttpStatus status = filter.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY;
        return HttpResponse.status(status).body(new ModelAndView<>(VIEW, model));
    }

    @Post(value = "/{id}/attribution", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> assign(@PathVariable long id, @Valid @Body RecontactActionForm form, Authentication authentication) {
        return act(id, form, authentication, "attribution", queue::assignToMe);
    }

    @Post(value = "/{id}/reponse", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> answer(@PathVariable long id, @Valid @Body RecontactActionForm form, Authentication authentication) {
        return act(id, form, authentication, "reponse", queue::markAnswered);
    }

    @Post(value = "/{id}/attribution-acheteur", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> assignToBuyer(@PathVariable long id, @Valid @Body RecontactActionForm form, Authentication authentication) {
        long buyerId = JournalService.id(form.compte()).orElse(-1L);
        return act(id, form, authentication, "confiee", (requestId, staff) -> queue.assignToBuyer(requestId, buyerId, staff));
    }

    @Post(value = "/{id}/cloture", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> close(@PathVariable long id, @Valid @Body RecontactActionForm form, Authentication authentication) {
        return act(id, form, authentication, "cloture", queue::close);
    }

    /** The hidden filter fields were tampered with: back to the unfiltered list. */
    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid() {
        return HttpResponse.seeOther(URI.create(PATH));
    }

    private HttpResponse<?> act(long id, RecontactActionForm form, Authentication authentication, String success,
                                BiFunction<Long, CurrentUser, RecontactRequest> action) {
        if (queue.find(id).isEmpty()) {
            return HttpResponse.notFound();
        }
        StaffQueueFilter filter = filter(new StaffQueueFilter.Raw(form.statut(), form.du(), form.au(), form.commune(), null, form.type(),
            form.q(), form.page()));
        try {
            action.apply(id, CurrentUser.of(authentication));
        } catch (RecontactQueueService.Refused refused) {
            Map<String, Object> model = model(filter);
            model.put("message", refused.getMessage());
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>(VIEW, model));
        }
        String url = filter.url(PATH, filter.page());
        return HttpResponse.seeOther(URI.create(url + (url.contains("?") ? "&" : "?") + "succes=" + success));
    }

    private Map<String, Object> model(StaffQueueFilter filter) {
        RecontactQueueService.Period period = new RecontactQueueService.Period(filter.from(), filter.to());
        Set<RecontactRequest.Status> statuses = filter.errors().containsKey("statut") ? EnumSet.allOf(RecontactRequest.Status.class)
            : statuses(filter);
        var requests = queue.list(statuses, period, filter.supplierCriteria(), filter.page(), PAGE_SIZE);
        RecontactQueueService.AnswerDelay delay = queue.medianAnswerDelay(period);
        Map<String, Object> model = new HashMap<>();
        model.put("requests", requests);
        model.put("filter", filter);
        model.put("errors", filter.errors());
        model.put("statusOptions", statusOptions());
        model.put("families", StructureKind.Family.values());
        model.put("buyers", accounts.enabledOfRole(Role.BUYER));
        model.put("medianDelay", delay.median().map(RecontactQueueController::duration).orElse(null));
        model.put("answeredCount", delay.answered());
        model.put("previousPage", filter.page() > 0 ? filter.url(PATH, filter.page() - 1) : null);
        model.put("nextPage", filter.page() + 1 < requests.getTotalPages() ? filter.url(PATH, filter.page() + 1) : null);
        return model;
    }

    /** « 5 h », « 1 jour », « 2,5 jours ». */
    static String duration(Duration duration) {
        if (duration.toHours() < 1) {
            return "moins d’une heure";
        }
        if (duration.toHours() < 24) {
            return duration.toHours() + " h";
        }
        double days = duration.toMinutes() / 1440.0;
        String formatted = String.format(Locale.FRENCH, "%.1f", days).replace(",0", "");
        return formatted + (formatted.equals("1") ? " jour" : " jours");
    }
}
