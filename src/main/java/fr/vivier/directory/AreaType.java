package fr.vivier.directory;

public enum AreaType {
    COMMUNE("Commune"),
    EPCI("Intercommunalité (EPCI ou EPT)"),
    DEPARTEMENT("Département"),
    REGION("Région"),
    NATIONAL("Toute la France");

    private final String label;

    AreaType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
