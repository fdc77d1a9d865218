package fr.vivier.search;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The recall layers of the text search, each on by default and switchable (VIVIER_SEARCH_RECALL_PREFIX, _FUZZY,
 * _SYNONYMS), so that `./vivier bench search` can measure what each one brings and costs.
 */
@ConfigurationProperties("vivier.search.recall")
public class RecallLayers {
    private boolean prefix = true;
    private boolean fuzzy = true;
    private boolean synonyms = true;

    /** Layers chosen in code (benchmark, tests) rather than by configuration. */
    public static RecallLayers of(boolean prefix, boolean fuzzy, boolean synonyms) {
        RecallLayers layers = new RecallLayers();
        layers.prefix = prefix;
        layers.fuzzy = fuzzy;
        layers.synonyms = synonyms;
        return layers;
    }

    /** Partial words: « menuiseri » finds « menuiserie ». */
    public boolean isPrefix() { return prefix; }
    public void setPrefix(boolean prefix) { this.prefix = prefix; }
    /** Typos: « menuiserei » finds « menuiserie ». */
    public boolean isFuzzy() { return fuzzy; }
    public void setFuzzy(boolean fuzzy) { this.fuzzy = fuzzy; }
    /** The curated synonyms: « bio » finds « biologique ». */
    public boolean isSynonyms() { return synonyms; }
    public void setSynonyms(boolean synonyms) { this.synonyms = synonyms; }

    @Override
    public String toString() {
        return "préfixes " + (prefix ? "oui" : "non") + ", fautes de frappe " + (fuzzy ? "oui" : "non") + ", synonymes " + (synonyms ? "oui" : "non");
    }
}
