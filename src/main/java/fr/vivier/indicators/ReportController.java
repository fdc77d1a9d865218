package fr.vivier.indicators;

import fr.vivier.web.AuthorityConfiguration;
import fr.vivier.web.FrenchFormat;
import fr.vivier.web.HtmlToPdf;
import fr.vivier.web.PageRenderer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quarterly report for the steering committee: the followed indicators (every computed one while none is
 * followed) as known at the end of a quarter, with targets, charts, the year before and the data-quality to-do
 * (records « non renseigné »). HTML to read and print, PDF to send.
 */
@Controller("/agents/indicateurs")
@Secured({"STAFF", "ADMIN"})
class ReportController {
    private static final String VIEW = "indicators/rapport";

    private final IndicatorFigures figures;
    private final PageRenderer pages;
    private final HtmlToPdf pdf;
    private final AuthorityConfiguration authority;
    private final Clock clock;

    ReportController(IndicatorFigures figures, PageRenderer pages, HtmlToPdf pdf, AuthorityConfiguration authority, Clock clock) {
        this.figures = figures;
        this.pages = pages;
        this.pdf = pdf;
        this.authority = authority;
        this.clock = clock;
    }

    @Get("/rapport")
    HttpResponse<?> html(HttpRequest<?> request, @Nullable @QueryValue String annee, @Nullable @QueryValue String trimestre) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> model = model(annee, trimestre, errors);
        return pages.render(request, errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY, VIEW, model);
    }

    @Get("/rapport.pdf")
    HttpResponse<?> pdf(HttpRequest<?> request, @Nullable @QueryValue String annee, @Nullable @QueryValue String trimestre) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> model = model(annee, trimestre, errors);
        if (!errors.isEmpty()) {
            return pages.render(request, HttpStatus.UNPROCESSABLE_ENTITY, VIEW, model);
        }
        model.put("pdf", true);
        String xhtml = pages.render(request, HttpStatus.OK, VIEW, model).body();
        return HttpResponse.ok(pdf.render(xhtml)).contentType(MediaType.APPLICATION_PDF_TYPE)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rapport-indicateurs-" + model.get("year") + "-T"
                + model.get("quarter") + ".pdf\"");
    }

    private Map<String, Object> model(@Nullable String annee, @Nullable String trimestre, Map<String, String> errors) {
        int year = Years.year(annee, clock, errors).orElse(FrenchFormat.today(clock).getYear());
        Integer asked = Years.quarter(trimestre, errors);
        int quarter = asked != null ? asked : year == FrenchFormat.today(clock).getYear() ? Years.currentQuarter(clock) : 4;
        List<Indicator> shown = figures.followed().isEmpty() ? figures.computedIndicators() : figures.followed();
        List<IndicatorView> views = figures.views(shown, year, Scope.AUTHORITY).stream().map(view -> view.throughQuarter(quarter)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("year", year);
        model.put("quarter", quarter);
        model.put("annee", annee == null ? String.valueOf(year) : annee);
        model.put("trimestre", String.valueOf(quarter));
        model.put("errors", errors);
        model.put("authorityName", authority.getName());
        model.put("views", views);
        model.put("toDo", views.stream().filter(IndicatorView::hasUnknown).toList());
        model.put("followedNone", figures.followed().isEmpty());
        model.put("pdf", false);
        model.put("generatedOn", FrenchFormat.date(FrenchFormat.today(clock)));
        return model;
    }
}
