package fr.vivier.meetings;

/** What an event is; stored by name, which never changes. */
public enum EventKind {
    BUYER_SUPPLIER_MEETING("Rencontre acheteurs-fournisseurs"),
    SPEED_MEETING("Speed-meeting"),
    INCLUSION_FORUM("Forum de l’insertion"),
    AWARENESS_WORKSHOP("Atelier de sensibilisation des acheteurs"),
    OPEN_DAY("Portes ouvertes");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
