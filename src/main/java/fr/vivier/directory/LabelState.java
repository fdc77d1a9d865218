package fr.vivier.directory;

/** Where a declared label stands: checked by staff, not checked yet, or past its expiry date (which wins). */
public enum LabelState {
    VERIFIED("vérifié"),
    UNVERIFIED("non vérifié"),
    EXPIRED("expiré");

    private final String label;

    LabelState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
