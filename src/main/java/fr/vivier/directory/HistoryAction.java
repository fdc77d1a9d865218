package fr.vivier.directory;

/** What a line of a profile's history records, with the words staff read (stored by name). */
public enum HistoryAction {
    INSCRIPTION("Inscription"),
    REINSCRIPTION("Nouvelle inscription après effacement"),
    MODIFICATION("Modification par la structure"),
    RETRAIT_CONSENTEMENT("Retrait d’un consentement"),
    PENDING("Remise en attente"),
    PUBLISHED("Publication"),
    REJECTED("Refus"),
    SUSPENDED("Suspension"),
    ERASED("Effacement"),
    EFFACEMENT("Effacement des données personnelles"),
    AVIS_CONSERVATION("Courriel demandant de confirmer la conservation"),
    RELECTURE("Relecture"),
    LABEL_VERIFIE("Label vérifié"),
    LABEL_NON_VERIFIE("Label marqué non vérifié"),
    FUSION("Fusion"),
    RECONTACT_NEW("Demande de recontact rouverte"),
    RECONTACT_ASSIGNED("Demande de recontact prise en charge"),
    RECONTACT_ANSWERED("Demande de recontact répondue"),
    RECONTACT_CLOSED("Demande de recontact close");

    private final String label;

    HistoryAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static HistoryAction of(SupplierStatus status) {
        return valueOf(status.name());
    }

    /** The label of a stored action name; the name itself for a line written by an older version. */
    public static String labelOf(String storedName) {
        for (HistoryAction action : values()) {
            if (action.name().equals(storedName)) {
                return action.label;
            }
        }
        return storedName;
    }
}
