package fr.vivier.sourcing;

/** Where a contact led; stored by name, which never changes. */
public enum ContactOutcome {
    INFORMED("Informé"),
    QUOTE_REQUESTED("Devis demandé"),
    QUOTE_RECEIVED("Devis reçu"),
    ANSWERED_TENDER("A répondu à la consultation"),
    RETAINED("Retenu"),
    NOT_RETAINED("Non retenu");

    private final String label;

    ContactOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
