package fr.vivier.purchases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/purchases?year=2026&page=0}: the year's records with the holders' frozen attributes, for staff automation. */
@Controller("/api/v1/purchases")
@Secured({"STAFF", "ADMIN"})
class PurchaseApiController {
    private static final int PAGE_SIZE = 500;

    private final PurchaseService purchases;

    PurchaseApiController(PurchaseService purchases) {
        this.purchases = purchases;
    }

    @Serdeable
    record PurchasesPage(int year, int page, int size, long total, List<PurchaseRow> purchases) { }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String year, @Nullable @QueryValue String page) {
        if (year == null || !year.strip().matches("(19|20)\\d\\d")) {
            return HttpResponse.badRequest(Map.of("message", "Indiquez l’année : /api/v1/purchases?year=2026."));
        }
        if (page != null && !page.strip().matches("\\d{1,6}")) {
            return HttpResponse.badRequest(Map.of("message", "La page est un nombre entier positif."));
        }
        int pageNumber = page == null ? 0 : Integer.parseInt(page.strip());
        PurchaseService.Page rows = purchases.list(new PurchaseRepository.Filter(Integer.parseInt(year.strip()), null, null, null, null),
            pageNumber, PAGE_SIZE);
        return HttpResponse.ok(new PurchasesPage(Integer.parseInt(year.strip()), pageNumber, PAGE_SIZE, rows.total(), rows.rows()));
    }
}
