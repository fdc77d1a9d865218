package fr.vivier.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpUtils;
import io.micronaut.context.ApplicationContext;

import java.util.List;

/** Benchmark access to what is package-private here: the exact request the portal sends, and a bulk rebuild. */
public final class BenchElasticsearch {
    private BenchElasticsearch() {
    }

    /** The JSON bodies SupplierSearch sends to Elasticsearch for these searches. */
    public static List<String> bodies(ApplicationContext context, List<SearchQuery> queries) {
        SupplierSearch search = context.getBean(SupplierSearch.class);
        var mapper = context.getBean(ElasticsearchClient.class)._jsonpMapper();
        return queries.stream().map(query -> JsonpUtils.toJsonString(search.request(query), mapper)).toList();
    }

    /** The path the portal searches on: the alias, with typed_keys as the Java client asks. */
    public static String searchPath(ApplicationContext context) {
        return "/" + context.getBean(SearchConfiguration.class).alias("suppliers") + "/_search?typed_keys=true";
    }
}
