package fr.vivier.search;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** GET /api/v1/suppliers/search — the search page as JSON (public data only, never contacts). */
@Controller("/api/v1/suppliers/search")
@Secured(SecurityRule.IS_ANONYMOUS)
class SearchApiController {
    private final SupplierSearch search;
    private final SearchQueries queries;
    private final DidYouMean didYouMean;

    SearchApiController(SupplierSearch search, SearchQueries queries, DidYouMean didYouMean) {
        this.search = search;
        this.queries = queries;
        this.didYouMean = didYouMean;
    }

    @Serdeable
    record FieldError(String field, String message) { }

    @Serdeable
    record Degraded(boolean degraded, String message) { }

    @Get(produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<?>> search(HttpRequest<?> request) {
        SearchQueries.Parsed parsed = queries.parse(request.getParameters());
        if (!parsed.errors().isEmpty()) {
            return CompletableFuture.completedFuture(HttpResponse.badRequest(Map.of("errors",
                parsed.errors().entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList())));
        }
        return search.searchAsync(parsed.query())
            .thenCompose(result -> didYouMean.offeredWith(parsed.query(), result, "/api/v1/suppliers/search"))
            .thenApply(result -> result.degraded()
            ? HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Degraded(true, result.message()))
            : HttpResponse.ok(result));
    }
}
