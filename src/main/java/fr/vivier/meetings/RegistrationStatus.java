package fr.vivier.meetings;

/** Where a registration stands: a seat, a place in the waiting list (by registration time), or given up. */
public enum RegistrationStatus {
    CONFIRMED("Inscription confirmée"),
    WAITING("Liste d’attente"),
    CANCELLED("Annulée");

    private final String label;

    RegistrationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
