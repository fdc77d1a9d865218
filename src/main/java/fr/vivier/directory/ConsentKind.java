package fr.vivier.directory;

/** The three separate consents, with the exact text shown and its version (stored with each consent). */
public enum ConsentKind {
    PUBLISH_CONTACT("2026-11", "J’accepte que les coordonnées de la personne à contacter soient visibles par les acheteurs de la collectivité connectés au portail."),
    RECONTACT("2026-11", "J’accepte d’être recontacté(e) par les acheteurs et les agents de la collectivité au sujet de leurs besoins d’achat."),
    ALERTS("2026-11", "Je souhaite recevoir par courriel les alertes sur la programmation des achats dans mes secteurs d’activité.");

    private final String version;
    private final String text;

    ConsentKind(String version, String text) {
        this.version = version;
        this.text = text;
    }

    public String version() {
        return version;
    }

    public String text() {
        return text;
    }
}
