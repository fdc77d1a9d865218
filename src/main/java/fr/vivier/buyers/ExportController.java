package fr.vivier.buyers;

import fr.vivier.search.SearchQueries;
import fr.vivier.web.PageRenderer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Any search result list as a CSV or XLSX file, for buyers and staff (contacts only with the structure's consent). */
@Controller("/fournisseurs")
@Secured({"BUYER", "STAFF", "ADMIN"})
class ExportController {
    static final String UNAVAILABLE = "La recherche est momentanément indisponible : l’export n’a pas pu être préparé. Réessayez dans quelques minutes.";

    private final SearchQueries queries;
    private final SupplierExports exports;
    private final PageRenderer pages;
    private final Clock clock;
    private final ExportJournal journal;

    ExportController(SearchQueries queries, SupplierExports exports, PageRenderer pages, Clock clock, ExportJournal journal) {
        this.journal = journal;
        this.queries = queries;
        this.exports = exports;
        this.pages = pages;
        this.clock = clock;
    }

    @Get("/export.csv")
    HttpResponse<?> csv(HttpRequest<?> request, Authentication authentication) {
        return export(request, authentication, SpreadsheetFiles::csv, SpreadsheetFiles.CSV_TYPE, "csv");
    }

    @Get("/export.xlsx")
    HttpResponse<?> xlsx(HttpRequest<?> request, Authentication authentication) {
        return export(request, authentication, SpreadsheetFiles::xlsx, SpreadsheetFiles.XLSX_TYPE, "xlsx");
    }

    private HttpResponse<?> export(HttpRequest<?> request, Authentication authentication, Function<List<SupplierRow>, byte[]> format,
                                   String type, String extension) {
        Optional<List<SupplierRow>> rows = exports.forSearch(queries.parse(request.getParameters()).query());
        if (rows.isEmpty()) {
            return pages.render(request, HttpStatus.SERVICE_UNAVAILABLE, "buyers/export-indisponible", Map.of("message", UNAVAILABLE));
        }
        Optional<HttpResponse<?>> refused = journal.refuseOrRecord(request, authentication, "export " + extension + " d’une recherche", rows.get());
        if (refused.isPresent()) {
            return refused.get();
        }
        return SpreadsheetFiles.download(format.apply(rows.get()), type, "fournisseurs", extension, clock);
    }
}
