package fr.vivier.search;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Staff view of the search index: outbox backlog, last failure, rebuild with progress. */
@Controller("/agents/recherche")
@Secured({"STAFF", "ADMIN"})
class SearchAdminController {
    private final SearchIndexer indexer;
    private final SupplierReindexer reindexer;

    SearchAdminController(SearchIndexer indexer, SupplierReindexer reindexer) {
        this.indexer = indexer;
        this.reindexer = reindexer;
    }

    @Get
    ModelAndView<Map<String, Object>> status() {
        Map<String, Object> model = new HashMap<>();
        model.put("status", indexer.status());
        model.put("progress", reindexer.progress());
        return new ModelAndView<>("search/agents-recherche", model);
    }

    @Post(value = "/reconstruction", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> rebuild() {
        reindexer.startInBackground();
        return HttpResponse.seeOther(URI.create("/agents/recherche"));
    }
}
