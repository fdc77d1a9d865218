package fr.vivier.directory;

public enum CompanySize {
    TPE("TPE (moins de 10 salariés)"),
    PME("PME (10 à 249 salariés)"),
    ETI("ETI (250 à 4 999 salariés)"),
    GE("Grande entreprise (5 000 salariés et plus)");

    private final String label;

    CompanySize(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
