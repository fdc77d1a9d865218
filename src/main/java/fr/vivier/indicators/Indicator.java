package fr.vivier.indicators;

/**
 * One indicator of the SPASER catalogue (shared/INDICATORS.md), written out so that a reader can recompute it:
 * what is counted (numerator), out of what (denominator), with which filters, over which period, from which records.
 */
public record Indicator(String code, Theme theme, Shape shape, String name, String numerator, String denominator, String filters,
                        String period, String sources, String seeds) {

    /** The families of the catalogue, as the seeds group them. */
    public enum Theme {
        ACCESS("Accès des TPE/PME et de l’ESS à la commande publique"),
        SOCIAL("Achats socialement responsables"),
        ENVIRONMENT("Achats écologiquement responsables"),
        STEERING("Pilotage et dialogue avec les fournisseurs");

        private final String label;

        Theme(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What kind of figure the indicator is, which says how it reads and which targets fit it. */
    public enum Shape {
        /** A share of contracts, both in number and in € HT. */
        RATIO,
        /** A share in number only (requests answered, lines launched). */
        RATE,
        /** A number of contracts or records. */
        COUNT,
        /** An amount in € HT, with its share of the total spend. */
        AMOUNT;

        public boolean hasShare() {
            return this != COUNT;
        }
    }

    public boolean hasDenominator() {
        return shape.hasShare();
    }

    /** What the figure counts, in the plural: « marchés », « lignes »… */
    public String recordNoun() {
        return switch (code) {
            case "PROGRAMMED_VS_LAUNCHED" -> "lignes";
            case "RECONTACT" -> "demandes";
            case "SOURCINGS" -> "contacts";
            case "WORKSHOPS" -> "rencontres";
            case "INSERTION_HOURS" -> "heures";
            default -> "marchés";
        };
    }

    /** Whether the figure has an amount in € HT (a share in value, a spend), so that a target may be set in € HT. */
    public boolean hasAmounts() {
        return shape == Shape.RATIO || shape == Shape.AMOUNT;
    }
}
