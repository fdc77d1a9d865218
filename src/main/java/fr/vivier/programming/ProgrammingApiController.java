package fr.vivier.programming;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Open data: the published programming as JSON (same filters as the page) and as a CSV file per year. */
@Controller("/api/v1/programming")
@Secured(SecurityRule.IS_ANONYMOUS)
class ProgrammingApiController {
    private final PublicProgramming programming;

    ProgrammingApiController(PublicProgramming programming) {
        this.programming = programming;
    }

    @Serdeable
    record LotJson(int number, String object, List<String> sectors, @Nullable BigDecimal estimatedAmount, @Nullable String amountBand) { }

    /** Amounts are exact or a band, as the authority chose ({@code vivier.programming.public-amounts}). */
    @Serdeable
    record LineJson(int year, String reference, String object, String description, String direction, List<String> sectors,
                    List<String> cpvCodes, @Nullable BigDecimal estimatedAmount, @Nullable String amountBand, int expectedQuarter,
                    @Nullable Integer expectedMonth, String procedure, String nature, List<String> placesOfExecution,
                    boolean socialClause, boolean socialCriterion, @Nullable String reservedTo, boolean environmentalClause,
                    boolean environmentalCriterion, String environmentalThemes, boolean variants, boolean innovative, String status,
                    @Nullable String consultationUrl, @Nullable String publishedAt, List<LotJson> lots, String url) { }

    @Serdeable
    record Page(long total, int page, int pageSize, List<LineJson> lines) { }

    @Serdeable
    record FieldError(String field, String message) { }

    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> search(HttpRequest<?> request) {
        PublicQuery query = PublicProgrammingController.parse(programming, request.getParameters());
        if (!query.errors().isEmpty()) {
            return HttpResponse.badRequest(Map.of("errors",
                query.errors().entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList()));
        }
        PublicProgramming.Result result = programming.search(query);
        return HttpResponse.ok(new Page(result.total(), query.page(), query.pageSize(), result.lines().stream().map(this::json).toList()));
    }

    @Get(value = "/{year}/{reference}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> line(@PathVariable int year, @PathVariable String reference) {
        return programming.published(year, reference).<HttpResponse<?>>map(view -> HttpResponse.ok(json(view)))
            .orElseGet(() -> HttpResponse.notFound(Map.of("message", "Aucune ligne publiée avec cette année et cette référence.")));
    }

    /** The published lines of a year, one row per line, for spreadsheets (semicolons, UTF-8 with BOM). */
    @Get("/{year}.csv")
    HttpResponse<String> csv(@PathVariable int year) {
        StringWriter out = new StringWriter();
        out.write('\ufeff');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            printer.printRecord("annee", "reference", "objet", "description", "direction", "secteurs", "codes_cpv",
                programming.amountsAsBands() ? "tranche_montant_ht" : "montant_estime_ht", "trimestre", "mois", "procedure", "nature",
                "lieux_execution", "clause_sociale", "critere_social", "reserve", "clause_environnementale", "critere_environnemental",
                "themes_environnementaux", "variantes", "innovant", "statut", "consultation", "lots", "date_publication");
            for (LineView view : programming.publishedYear(year)) {
                ProgrammingLine line = view.line();
                printer.printRecord(line.year(), line.reference(), line.object(), line.description(), line.direction(),
                    String.join(", ", view.sectorLabels()), String.join(" ", line.cpvCodes()),
                    programming.amountsAsBands() ? line.amountBand().label() : line.estimatedAmount().toPlainString(),
                    line.expectedQuarter(), line.expectedMonth() == null ? "" : line.expectedMonth(), line.procedure().label(),
                    line.nature().label(), String.join(", ", view.placeNames()), yes(line.socialClause()), yes(line.socialCriterion()),
                    line.reservation().reserved() ? line.reservation().name() : "", yes(line.environmentalClause()),
                    yes(line.environmentalCriterion()), line.environmentalThemes(), yes(line.variants()), yes(line.innovative()),
                    line.status().label(), line.consultationUrl() == null ? "" : line.consultationUrl(),
                    String.join(" | ", line.lots().stream().map(lot -> lot.number() + ". " + lot.object()).toList()),
                    line.publishedAt() == null ? "" : java.time.LocalDate.ofInstant(line.publishedAt(), FrenchFormat.ZONE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(out.toString()).contentType("text/csv;charset=utf-8")
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"programmation-" + year + ".csv\"");
    }

    private LineJson json(LineView view) {
        ProgrammingLine line = view.line();
        boolean band = programming.amountsAsBands();
        return new LineJson(line.year(), line.reference(), line.object(), line.description(), line.direction(), line.sectors(),
            line.cpvCodes(), band ? null : line.estimatedAmount(), band ? line.amountBand().label() : null, line.expectedQuarter(),
            line.expectedMonth(), line.procedure().label(), line.nature().label(),
            line.places().stream().map(Place::stored).toList(), line.socialClause(), line.socialCriterion(),
            line.reservation().reserved() ? line.reservation().name() : null, line.environmentalClause(), line.environmentalCriterion(),
            line.environmentalThemes(), line.variants(), line.innovative(), line.status().name(), line.consultationUrl(),
            line.publishedAt() == null ? null : line.publishedAt().toString(),
            line.lots().stream().map(lot -> new LotJson(lot.number(), lot.object(), lot.sectors(),
                band || lot.estimatedAmount() == null ? null : lot.estimatedAmount(),
                band && lot.estimatedAmount() != null ? AmountBand.of(lot.estimatedAmount()).label() : null)).toList(),
            "/programmation/" + line.year() + "/" + line.reference());
    }

    private static String yes(boolean value) {
        return value ? "oui" : "non";
    }
}
