package fr.vivier.indicators;

import fr.vivier.web.FrenchFormat;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** The authority's target for an indicator in a year: a percentage, a count or an amount, in contracts or in € HT. */
public record Target(String code, int year, Kind kind, Measure measure, BigDecimal value) {

    public enum Kind {
        PERCENT("Pourcentage"), COUNT("Nombre"), AMOUNT("Montant en € HT");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Measure {
        CONTRACTS("En nombre de marchés (ou d’enregistrements)"), AMOUNT_HT("En montant (€ HT)");

        private final String label;

        Measure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** « 30 % des marchés », « 30 % du montant HT », « 3 », « 600 000 € HT ». */
    public String french() {
        return switch (kind) {
            case PERCENT -> number(value) + "\u00a0%" + (measure == Measure.AMOUNT_HT ? " du montant HT" : " en nombre");
            case COUNT -> number(value);
            case AMOUNT -> FrenchFormat.amountHt(value);
        };
    }

    static String number(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMaximumFractionDigits(1);
        return format.format(value).replace('\u202f', '\u00a0');
    }
}
