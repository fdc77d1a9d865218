package fr.vivier.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whose SPASER the demo authority follows (`VIVIER_DEMO_PROFILE`): which indicators it follows and publishes, with which
 * yearly targets, each as the seed writes it. `default` mixes the three seeds' access-to-procurement targets;
 * `aix` and `clichy` follow one authority's own.
 */
enum DemoProfile {
    /** Aix 2022: 48 % local, 600 000 € with ESS; Clichy: 10 sourcings, 3 reserved contracts, 30 % of volume with a social
     * consideration, a workshop a semester; Est Ensemble: every contract with an environmental consideration. */
    DEFAULT(List.of(
        new Choice("SME_CONTRACTS", "50", "PERCENT", "CONTRACTS"),
        new Choice("SME_UNDER_40K", "60", "PERCENT", "CONTRACTS"),
        new Choice("LOCAL_SPEND", "48", "PERCENT", "AMOUNT_HT"),
        new Choice("ESS_SPEND", "600 000", "AMOUNT", "AMOUNT_HT"),
        new Choice("RESERVED_CONTRACTS", "3", "COUNT", "CONTRACTS"),
        new Choice("SOCIAL_CONSIDERATION", "30", "PERCENT", "AMOUNT_HT"),
        new Choice("ENV_CONSIDERATION", "100", "PERCENT", "CONTRACTS"),
        new Choice("SOURCINGS", "10", "COUNT", "CONTRACTS"),
        new Choice("WORKSHOPS", "2", "COUNT", "CONTRACTS"),
        new Choice("RECONTACT", "100", "PERCENT", "CONTRACTS"),
        new Choice("PROGRAMMED_VS_LAUNCHED", "80", "PERCENT", "CONTRACTS"))),
    /** Aix-en-Provence's « cibles 2025 » (100 % of contracts with an environmental consideration, 30 % with a social one,
     * 50 % of lump-sum contracts under 50 000 € HT with an advance clause, 50 % open to variants) and its 2022 levels of
     * local and ESS spend (48 % of purchases from the Pays d'Aix, 600 000 €) to hold. */
    AIX(List.of(
        new Choice("ENV_CONSIDERATION", "100", "PERCENT", "CONTRACTS"),
        new Choice("SOCIAL_CONSIDERATION", "30", "PERCENT", "CONTRACTS"),
        new Choice("ADVANCE_UNDER_50K", "50", "PERCENT", "CONTRACTS"),
        new Choice("VARIANTS", "50", "PERCENT", "CONTRACTS"),
        new Choice("LOCAL_SPEND", "48", "PERCENT", "AMOUNT_HT"),
        new Choice("ESS_SPEND", "600 000", "AMOUNT", "AMOUNT_HT"))),
    /** Clichy-la-Garenne's « cibles »: « 10 sourcings réalisés par an », « 3 marchés réservés par an », « 30 % du volume
     * d'achats annuel » with a social clause, « 1 atelier de sensibilisation par semestre » (2 a year), « 5 marchés notifiés
     * avec des critères spécifiques sur l'égalité par an », « 2 marchés » with a life-cycle-cost criterion. */
    CLICHY(List.of(
        new Choice("SOURCINGS", "10", "COUNT", "CONTRACTS"),
        new Choice("RESERVED_CONTRACTS", "3", "COUNT", "CONTRACTS"),
        new Choice("SOCIAL_CONSIDERATION", "30", "PERCENT", "AMOUNT_HT"),
        new Choice("WORKSHOPS", "2", "COUNT", "CONTRACTS"),
        new Choice("EQUALITY_CRITERIA", "5", "COUNT", "CONTRACTS"),
        new Choice("LIFECYCLE_COST", "2", "COUNT", "CONTRACTS")));

    /** An indicator the authority follows and publishes, with its yearly target as the staff form takes it. */
    record Choice(String code, String target, String kind, String measure) { }

    private final List<Choice> choices;

    DemoProfile(List<Choice> choices) {
        this.choices = choices;
    }

    List<Choice> choices() {
        return choices;
    }

    List<String> codes() {
        return choices.stream().map(Choice::code).toList();
    }

    /** The profile of this name (« default », « aix », « clichy », case ignored); a misspelt name stops the start. */
    static DemoProfile named(String name) {
        return Arrays.stream(values()).filter(profile -> profile.name().equalsIgnoreCase(name.strip())).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("VIVIER_DEMO_PROFILE « " + name + " » inconnu ; profils : "
                + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
    }
}
