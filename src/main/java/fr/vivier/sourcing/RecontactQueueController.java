package fr.vivier.sourcing;

import fr.vivier.web.CurrentUser;
import fr.vivier.web.FrenchFormat;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

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
        "cloture", "La demande est close.");

    private final RecontactQueueService queue;

    RecontactQueueController(RecontactQueueService queue) {
        this.queue = queue;
    }

    /** The list's filter as typed in the query string, with a French error per wrong field. */
    public record Filter(String statut, String du, String au, int page, @Nullable RecontactRequest.Status status,
                  RecontactQueueService.Period period, Map<String, String> errors) {
        static Filter parse(@Nullable String statut, @Nullable String du, @Nullable String au, @Nullable String page) {
            Map<String, String> errors = new LinkedHashMap<>();
            RecontactRequest.Status status = null;
            String typedStatus = statut == null ? "" : statut.strip();
            if (!typedStatus.isEmpty()) {
                try {
                    status = RecontactRequest.Status.valueOf(typedStatus);
                } catch (IllegalArgumentException e) {
                    errors.put("statut", "Choisissez un statut dans la liste.");
                }
            }
            LocalDate from = date(du, "du", errors);
            LocalDate to = date(au, "au", errors);
            if (from != null && to != null && to.isBefore(from)) {
                errors.put("au", "La date de fin doit être postérieure ou égale à la date de début.");
                to = null;
            }
            int pageNumber = 0;
            try {
                pageNumber = page == null || page.isBlank() ? 0 : Math.max(0, Integer.parseInt(page.strip()));
            } catch (NumberFormatException e) {
                pageNumber = 0;
            }
            return new Filter(status == null ? "" : status.name(), typed(du), typed(au), pageNumber, status, new RecontactQueueService.Period(
                    from == null ? null : from.atStartOfDay(FrenchFormat.ZONE).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(FrenchFormat.ZONE).toInstant()), errors);
        }

        private static String typed(@Nullable String value) {
            return value == null ? "" : value.strip();
        }

        private static @Nullable LocalDate date(@Nullable String typed, String field, Map<String, String> errors) {
            if (typed == null || typed.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(typed.strip());
            } catch (DateTimeParseException e) {
                errors.put(field, "Date invalide : utilisez le format aaaa-mm-jj, par exemple 2026-03-12.");
                return null;
            }
        }

        Set<RecontactRequest.Status> statuses() {
            return status == null ? EnumSet.allOf(RecontactRequest.Status.class) : EnumSet.of(status);
        }

        /** The list's address with this filter, on the given page. */
        String url(int onPage) {
            StringBuilder query = new StringBuilder();
            append(query, "statut", statut);
            append(query, "du", du);
            append(query, "au", au);
            if (onPage > 0) {
                append(query, "page", String.valueOf(onPage));
            }
            return PATH + (query.isEmpty() ? "" : "?" + query);
        }

        private static void append(StringBuilder query, String name, String value) {
            if (!value.isEmpty()) {
                query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String statut, @Nullable @QueryValue String du, @Nullable @QueryValue String au,
                         @Nullable @QueryValue String page, @Nullable @QueryValue String succes) {
        Filter filter = Filter.parse(statut, du, au, page);
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
        Filter filter = Filter.parse(form.statut(), form.du(), form.au(), form.page());
        try {
            action.apply(id, CurrentUser.of(authentication));
        } catch (RecontactQueueService.Refused refused) {
            Map<String, Object> model = model(filter);
            model.put("message", refused.getMessage());
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>(VIEW, model));
        }
        String url = filter.url(filter.page());
        return HttpResponse.seeOther(URI.create(url + (url.contains("?") ? "&" : "?") + "succes=" + success));
    }

    private Map<String, Object> model(Filter filter) {
        var requests = queue.list(filter.statuses(), filter.period(), filter.page(), PAGE_SIZE);
        RecontactQueueService.AnswerDelay delay = queue.medianAnswerDelay(filter.period());
        Map<String, Object> model = new HashMap<>();
        model.put("requests", requests);
        model.put("filter", filter);
        model.put("errors", filter.errors());
        model.put("statuses", RecontactRequest.Status.values());
        model.put("medianDelay", delay.median().map(RecontactQueueController::duration).orElse(null));
        model.put("answeredCount", delay.answered());
        model.put("previousPage", filter.page() > 0 ? filter.url(filter.page() - 1) : null);
        model.put("nextPage", filter.page() + 1 < requests.getTotalPages() ? filter.url(filter.page() + 1) : null);
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
