package fr.vivier.indicators;

import fr.vivier.web.CurrentUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open data of the indicators for a year, JSON and CSV: each indicator with its catalogue code and its figures as
 * numbers (percentages 0 to 100, amounts in € HT). Signed-in staff get the whole catalogue; everyone else the
 * published indicators only. Figures are the whole authority's.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
class IndicatorApiController {
    private final IndicatorFigures figures;
    private final IndicatorCatalogue catalogue;
    private final Clock clock;

    IndicatorApiController(IndicatorFigures figures, IndicatorCatalogue catalogue, Clock clock) {
        this.figures = figures;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** One period's figures; percentages null when their denominator is empty. */
    @Serdeable
    record FiguresJson(long count, @Nullable Long totalCount, @Nullable BigDecimal percentOfCount, BigDecimal amountHt,
                       @Nullable BigDecimal totalAmountHt, @Nullable BigDecimal percentOfAmount, long unknownCount,
                       BigDecimal unknownAmountHt, @Nullable BigDecimal medianDelayHours) {
        static FiguresJson of(Figure figure) {
            return new FiguresJson(figure.numerator().count(), figure.denominator() == null ? null : figure.denominator().count(),
                figure.percentOfCount().orElse(null), figure.numerator().amount(),
                figure.denominator() == null ? null : figure.denominator().amount(), figure.percentOfAmount().orElse(null),
                figure.unknown().count(), figure.unknown().amount(), figure.medianDelay() == null ? null
                : BigDecimal.valueOf(figure.medianDelay().toMinutes()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP));
        }
    }

    @Serdeable
    record QuarterJson(int quarter, FiguresJson figures) { }

    @Serdeable
    record TargetJson(int year, String kind, String measure, BigDecimal value) { }

    @Serdeable
    record IndicatorJson(String code, String name, String theme, boolean computed, boolean published, @Nullable Integer baselineYear,
                         @Nullable FiguresJson figures, List<QuarterJson> quarters, @Nullable FiguresJson previousYear,
                         @Nullable TargetJson target) { }

    @Serdeable
    record Answer(int year, List<IndicatorJson> indicators) { }

    @Get(value = "/indicators", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> json(@Nullable @QueryValue String year, @Nullable Authentication authentication) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer asked = Years.year(year, clock, errors).orElse(null);
        if (asked == null) {
            return HttpResponse.badRequest(Map.of("message", Years.YEAR_ERROR));
        }
        List<IndicatorJson> indicators = new ArrayList<>();
        for (IndicatorView view : views(asked, authentication)) {
            YearFigures current = view.current();
            List<QuarterJson> quarters = new ArrayList<>();
            if (current != null) {
                for (int q = 1; q <= 4; q++) {
                    quarters.add(new QuarterJson(q, FiguresJson.of(current.quarters().get(q - 1))));
                }
            }
            Target target = view.target();
            indicators.add(new IndicatorJson(view.code(), view.indicator().name(), view.indicator().theme().name(), view.computed(),
                view.setting().published(), view.setting().baselineYear(), current == null ? null : FiguresJson.of(current.total()),
                quarters, view.previous() == null ? null : FiguresJson.of(view.previous().total()),
                target == null ? null : new TargetJson(target.year(), target.kind().name(), target.measure().name(), target.value())));
        }
        return HttpResponse.ok(new Answer(asked, indicators));
    }

    /** One row per indicator and period (the year, then each quarter), semicolons, UTF-8 with BOM. */
    @Get("/indicators.csv")
    HttpResponse<String> csv(@Nullable @QueryValue String year, @Nullable Authentication authentication) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer asked = Years.year(year, clock, errors).orElse(null);
        if (asked == null) {
            return HttpResponse.<String>badRequest().contentType(MediaType.TEXT_PLAIN_TYPE).body(Years.YEAR_ERROR);
        }
        StringWriter out = new StringWriter();
        out.write('\ufeff');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            printer.printRecord("code", "indicateur", "annee", "periode", "nombre", "nombre_total", "pourcentage_nombre", "montant_ht",
                "montant_total_ht", "pourcentage_montant", "non_renseigne_nombre", "non_renseigne_montant_ht", "cible");
            for (IndicatorView view : views(asked, authentication)) {
                if (view.current() == null) {
                    continue;
                }
                List<Figure> periods = new ArrayList<>(List.of(view.current().total()));
                periods.addAll(view.current().quarters());
                for (int p = 0; p < periods.size(); p++) {
                    Figure figure = periods.get(p);
                    printer.printRecord(view.code(), view.indicator().name(), asked, p == 0 ? "annee" : "T" + p,
                        figure.numerator().count(), figure.denominator() == null ? "" : figure.denominator().count(),
                        figure.percentOfCount().map(BigDecimal::toPlainString).orElse(""), figure.numerator().amount().toPlainString(),
                        figure.denominator() == null ? "" : figure.denominator().amount().toPlainString(),
                        figure.percentOfAmount().map(BigDecimal::toPlainString).orElse(""), figure.unknown().count(),
                        figure.unknown().amount().toPlainString(), view.target() == null ? "" : view.target().french());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(out.toString()).contentType("text/csv;charset=utf-8")
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"indicateurs-" + asked + ".csv\"");
    }

    private List<IndicatorView> views(int year, @Nullable Authentication authentication) {
        boolean staff = authentication != null && CurrentUser.of(authentication).isStaff();
        return figures.views(staff ? catalogue.all() : figures.published(), year, Scope.AUTHORITY);
    }
}
