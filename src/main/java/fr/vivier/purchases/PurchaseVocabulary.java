package fr.vivier.purchases;

import java.util.Locale;
import java.util.Optional;

/**
 * The words of a purchase record: DECP 2.0's own values (price form, considerations, groups of operators, holder
 * identifiers) and what DECP lacks (category of purchase, environmental themes). Procedure, nature and reservation
 * are the programming's ({@link fr.vivier.programming.Vocabulary}), the same DECP values.
 */
public final class PurchaseVocabulary {
    private PurchaseVocabulary() {
    }

    /** A value with its French label, as DECP writes it. */
    public interface Labelled {
        String label();

        String name();
    }

    public enum Source implements Labelled {
        MANUAL("Saisie"), SHORTLIST("Achat de moins de 40 000 € HT"), SPREADSHEET("Import CSV/XLSX"), DECP("Import DECP");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Travaux, fournitures, services: from the CPV's division when the record does not say it. */
    public enum Category implements Labelled {
        WORKS("Travaux"), SUPPLIES("Fournitures"), SERVICES("Services");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** CPV divisions 45 are works, 03 to 44 and 48 supplies, 50 to 98 services (CPV 2008 structure). */
        static Category ofCpv(String cpv) {
            int division = Integer.parseInt(cpv.substring(0, 2));
            if (division == 45) {
                return WORKS;
            }
            return division < 50 ? SUPPLIES : SERVICES;
        }
    }

    public enum PriceForm implements Labelled {
        UNIT("Unitaire"), LUMP_SUM("Forfaitaire"), MIXED("Mixte");

        private final String label;

        PriceForm(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** DECP « considération sociale »; « Pas de considération sociale » is the empty set. */
    public enum SocialConsideration implements Labelled {
        CLAUSE("Clause sociale"), CRITERION("Critère social"), RESERVED("Marché réservé");

        private final String label;

        SocialConsideration(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** DECP « considération environnementale »; « Pas de considération environnementale » is the empty set. */
    public enum EnvironmentalConsideration implements Labelled {
        CLAUSE("Clause environnementale"), CRITERION("Critère environnemental");

        private final String label;

        EnvironmentalConsideration(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The themes the seeds' environmental indicators count (ENV_ENERGY, ENV_MOBILITY, CIRCULAR_CONTRACTS…). */
    public enum EnvironmentalTheme implements Labelled {
        WATER("eau"), BIODIVERSITY("biodiversité"), ENERGY("énergie / EnR"), MOBILITY("mobilité"),
        CIRCULAR_ECONOMY("économie circulaire"), HEALTH_FOOD("santé / alimentation");

        private final String label;

        EnvironmentalTheme(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum GroupKind implements Labelled {
        NONE("Pas de groupement"), JOINT("Conjoint"), JOINT_SEVERAL("Solidaire");

        private final String label;

        GroupKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How DECP identifies a holder; only a SIRET can be matched to the directory. */
    public enum IdentifierType implements Labelled {
        SIRET("SIRET"), TVA("TVA"), TAHITI("TAHITI"), RIDET("RIDET"), FRWF("FRWF"), IREP("IREP"), HORS_UE("HORS-UE");

        private final String label;

        IdentifierType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The value whose label or name is {@code typed}, without regard to case, accents' apostrophe or spaces around. */
    static <E extends Enum<E> & Labelled> Optional<E> byLabel(E[] values, String typed) {
        return byLabel(values, Labelled::label, typed);
    }

    static <E extends Enum<E>> Optional<E> byLabel(E[] values, java.util.function.Function<E, String> label, String typed) {
        String wanted = normalise(typed);
        for (E value : values) {
            if (normalise(label.apply(value)).equals(wanted) || value.name().equalsIgnoreCase(typed.strip())) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Trimmed, lower case, typographic apostrophe and « œ » folded, inner blanks as one space (no regex: it runs for every cell read). */
    static String normalise(String text) {
        String lower = text.strip().replace('’', '\'').replace('œ', 'o').toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        boolean blank = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                blank = true;
            } else {
                folded.append(blank ? " " : "").append(c);
                blank = false;
            }
        }
        return folded.toString();
    }
}
