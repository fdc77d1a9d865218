package fr.vivier.meetings;

/** Who registers: a supplier (by SIRET) or a buyer (signed in). */
public enum Participant {
    SUPPLIER("Fournisseur"),
    BUYER("Acheteur");

    private final String label;

    Participant(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
