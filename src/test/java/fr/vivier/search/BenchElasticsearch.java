package fr.vivier.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.json.JsonpUtils;
import fr.vivier.directory.DirectoryService;
import io.micronaut.context.ApplicationContext;

import java.io.IOException;
import java.util.List;
import java.util.Map;

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

    public record Rebuild(long documents, long millis) { }

    /**
     * SupplierReindexer.fill with BulkSupplierDocuments: pages of ids, documents built with set-based queries,
     * one bulk request per page, into a new versioned index that is then dropped (the alias is not switched).
     */
    public static Rebuild bulkRebuild(ApplicationContext context, int page) throws IOException {
        ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
        DirectoryService directory = context.getBean(DirectoryService.class);
        BulkSupplierDocuments documents = context.getBean(BulkSupplierDocuments.class);
        String index = context.getBean(SearchIndexes.class).createVersionedIndex("suppliers");
        long started = System.nanoTime();
        long done = 0;
        long after = 0;
        List<Long> ids;
        try {
            while (!(ids = directory.publishedIdsAfter(after, page)).isEmpty()) {
                Map<Long, SupplierDocument> built = documents.forSuppliers(ids);
                BulkRequest.Builder bulk = new BulkRequest.Builder();
                built.forEach((id, document) -> bulk.operations(op -> op.index(i -> i.index(index).id(id.toString()).version(1L)
                    .versionType(VersionType.External).document(document))));
                if (!built.isEmpty() && client.bulk(bulk.build()).errors()) {
                    throw new IllegalStateException("indexation refusée pendant la reconstruction");
                }
                done += built.size();
                after = ids.get(ids.size() - 1);
            }
            client.indices().refresh(r -> r.index(index));
            return new Rebuild(done, (System.nanoTime() - started) / 1_000_000);
        } finally {
            client.indices().delete(d -> d.index(index));
        }
    }
}
