package fr.vivier.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import fr.vivier.reference.ReferenceData;
import fr.vivier.shared.TextFolding;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Suggestions for the search box (supplier names from the completion field, sector labels): progressive enhancement. */
@Controller("/api/v1/suppliers/suggest")
@Secured(SecurityRule.IS_ANONYMOUS)
class SuggestController {
    private final ElasticsearchAsyncClient client;
    private final SearchConfiguration configuration;
    private final ReferenceData reference;

    SuggestController(ElasticsearchAsyncClient client, SearchConfiguration configuration, ReferenceData reference) {
        this.client = client;
        this.configuration = configuration;
        this.reference = reference;
    }

    @Serdeable
    record Suggestions(List<String> suggestions) { }

    @Get(produces = MediaType.APPLICATION_JSON)
    CompletableFuture<Suggestions> suggest(@Nullable @QueryValue String q) {
        if (q == null || q.strip().length() < 2 || q.length() > 100) {
            return CompletableFuture.completedFuture(new Suggestions(List.of()));
        }
        String prefix = q.strip();
        return names(prefix).thenApply(names -> {
            Set<String> values = new LinkedHashSet<>(names);
            String wanted = TextFolding.words(prefix);
            reference.sectors().stream().filter(s -> TextFolding.words(s.label()).contains(wanted)).limit(5)
                .forEach(s -> values.add(s.label()));
            return new Suggestions(new ArrayList<>(values).subList(0, Math.min(10, values.size())));
        });
    }

    /** Supplier names beginning with the prefix; none without Elasticsearch (suggestions are a comfort, the box still works). */
    private CompletableFuture<List<String>> names(String prefix) {
        CompletableFuture<SearchResponse<Void>> response;
        try {
            response = client.search(s -> s.index(configuration.alias("suppliers")).size(0)
                .suggest(sg -> sg.suggesters("names", f -> f.prefix(prefix).completion(c -> c.field("nameSuggest").size(6).skipDuplicates(true)))),
                Void.class);
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        return response.orTimeout(1, TimeUnit.SECONDS)
            .thenApply(answer -> answer.suggest().get("names").stream().flatMap(s -> s.completion().options().stream())
                .map(CompletionSuggestOption::text).toList())
            .exceptionally(e -> List.of());
    }
}
