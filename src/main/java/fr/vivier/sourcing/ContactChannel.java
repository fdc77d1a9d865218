package fr.vivier.sourcing;

/** How a buyer and a supplier were in touch; stored by name, which never changes. */
public enum ContactChannel {
    MEETING("Rencontre"),
    CALL("Appel"),
    EMAIL("Courriel"),
    VISIT("Visite"),
    QUESTIONNAIRE("Questionnaire de sourcing"),
    EVENT("Salon ou événement"),
    RECONTACT_REQUEST("Demande de recontact");

    private final String label;

    ContactChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
