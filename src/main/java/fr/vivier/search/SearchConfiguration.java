package fr.vivier.search;

import io.micronaut.context.annotation.ConfigurationProperties;

@ConfigurationProperties("vivier.search")
public class SearchConfiguration {
    private String indexPrefix = "";
    private int maxCountedHits = 10_000;

    public String getIndexPrefix() { return indexPrefix == null ? "" : indexPrefix; }
    public void setIndexPrefix(String indexPrefix) { this.indexPrefix = indexPrefix; }

    /**
     * Hits are counted up to this many, then the total is « plus de … »: past it, nobody reads the exact figure, and
     * Elasticsearch stops counting (no page goes beyond 10 000 hits either).
     */
    public int getMaxCountedHits() { return maxCountedHits; }
    public void setMaxCountedHits(int maxCountedHits) { this.maxCountedHits = maxCountedHits; }

    /** The alias searches go through, e.g. "suppliers" (or "test-suppliers" for the test suite). */
    public String alias(String indexName) {
        return getIndexPrefix() + indexName;
    }
}
