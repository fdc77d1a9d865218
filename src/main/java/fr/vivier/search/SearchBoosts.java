package fr.vivier.search;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Relevance boosts, multiplied into the text score: social-economy structures (SIAE, STPA, other ESS) and
 * suppliers established on the authority's territory come first among equally relevant ones. 1.0 disables a boost.
 */
@ConfigurationProperties("vivier.search.boost")
public class SearchBoosts {
    private double socialEconomy = 1.3;
    private double local = 1.2;

    public double getSocialEconomy() { return socialEconomy; }
    public void setSocialEconomy(double socialEconomy) { this.socialEconomy = socialEconomy; }
    public double getLocal() { return local; }
    public void setLocal(double local) { this.local = local; }
}
