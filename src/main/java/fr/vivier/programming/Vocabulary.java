package fr.vivier.programming;

/** The foreseen procedure, nature and reservation of a line, in the words of the national open data on contracts (DECP 2.0). */
public final class Vocabulary {
    private Vocabulary() {
    }

    public enum Procedure {
        ADAPTED("Procédure adaptée"),
        OPEN_TENDER("Appel d'offres ouvert"),
        RESTRICTED_TENDER("Appel d'offres restreint"),
        NEGOTIATED("Procédure avec négociation"),
        NO_PUBLICITY("Marché passé sans publicité ni mise en concurrence préalable"),
        COMPETITIVE_DIALOGUE("Dialogue compétitif");

        private final String label;

        Procedure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Nature {
        CONTRACT("Marché"),
        PARTNERSHIP("Marché de partenariat"),
        DEFENCE("Marché de défense ou de sécurité");

        private final String label;

        Nature(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** « Marché réservé » (DECP considération sociale), and to whom. */
    public enum Reservation {
        NONE("Non réservé"),
        SIAE("Réservé aux SIAE (art. L2113-13)"),
        STPA("Réservé aux ESAT et entreprises adaptées (art. L2113-12)"),
        ESS("Réservé aux entreprises de l’ESS (art. L2113-15)");

        private final String label;

        Reservation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean reserved() {
            return this != NONE;
        }
    }

    /** How a supplier says « ça me concerne ». */
    public enum InterestRole {
        HOLDER("Titulaire"),
        COCONTRACTOR("Co-traitant"),
        SUBCONTRACTOR("Sous-traitant");

        private final String label;

        InterestRole(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
