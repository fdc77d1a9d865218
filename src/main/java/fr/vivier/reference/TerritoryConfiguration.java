package fr.vivier.reference;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.List;

/**
 * The authority's own territory, for « implanté sur notre territoire » and the local boost: EPCI/EPT codes,
 * département codes or commune codes (a supplier is local when its establishment's commune falls in one).
 */
@ConfigurationProperties("vivier.territory")
public class TerritoryConfiguration {
    private List<String> codes = List.of("200057875");

    public List<String> getCodes() { return codes; }
    public void setCodes(List<String> codes) { this.codes = codes; }
}
