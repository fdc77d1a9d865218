package fr.vivier.directory;

/** The legal forms a buyer meets most; AUTRE covers the rest. */
public enum LegalForm {
    EI("Entrepreneur individuel (dont micro-entrepreneur)"),
    EURL("EURL"),
    SARL("SARL"),
    SASU("SASU"),
    SAS("SAS"),
    SA("SA"),
    SNC("SNC"),
    SCOP("SCOP (SARL ou SA coopérative)"),
    SCIC("SCIC"),
    COOPERATIVE("Autre société coopérative"),
    ASSOCIATION("Association loi 1901"),
    MUTUELLE("Mutuelle"),
    FONDATION("Fondation"),
    GIE("GIE"),
    PUBLIC("Établissement public"),
    AUTRE("Autre forme juridique");

    private final String label;

    LegalForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
