package fr.vivier.search;

import io.micronaut.context.annotation.ConfigurationProperties;

@ConfigurationProperties("vivier.search")
public class SearchConfiguration {
    private String indexPrefix = "";

    public String getIndexPrefix() { return indexPrefix == null ? "" : indexPrefix; }
    public void setIndexPrefix(String indexPrefix) { this.indexPrefix = indexPrefix; }

    /** The alias searches go through, e.g. "suppliers" (or "test-suppliers" for the test suite). */
    public String alias(String indexName) {
        return getIndexPrefix() + indexName;
    }
}
