package fr.vivier.directory;

public enum SupplierStatus {
    PENDING("En attente de validation"),
    PUBLISHED("Publiée"),
    REJECTED("Refusée"),
    SUSPENDED("Suspendue"),
    ERASED("Effacée");

    private final String label;

    SupplierStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
