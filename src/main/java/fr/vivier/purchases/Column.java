package fr.vivier.purchases;

/**
 * The fields of a purchase as people type them: the spreadsheet import's column (French header of the template) and
 * the entry form's field, with the label and the hint both show.
 */
enum Column {
    ACHETEUR("id_acheteur", "buyerKey", "Identifiant de l’acheteur", "SIRET de l’acheteur (facultatif) : avec la référence, il identifie le marché"),
    REFERENCE("reference", "reference", "Référence", "Numéro du marché ou du bon de commande, unique pour l’acheteur"),
    OBJET("objet", "object", "Objet", "L’objet de l’achat"),
    DIRECTION("direction", "direction", "Direction", "La direction qui a acheté"),
    CATEGORIE("categorie", "category", "Catégorie", "Travaux, Fournitures ou Services (déduite du code CPV si vide)"),
    NATURE("nature", "nature", "Nature", "Marché (par défaut), Marché de partenariat, Marché de défense ou de sécurité"),
    PROCEDURE("procedure", "procedure", "Procédure", "Procédure adaptée, Appel d'offres ouvert… (valeurs DECP)"),
    FORME_PRIX("forme_prix", "priceForm", "Forme du prix", "Unitaire, Forfaitaire ou Mixte"),
    MONTANT("montant_ht", "amount", "Montant notifié (€ HT)", "Par exemple 38 500 ou 12 500,50"),
    DATE("date_notification", "notifiedOn", "Date de notification", "JJ/MM/AAAA, par exemple 15/05/2026"),
    DUREE("duree_mois", "durationMonths", "Durée (mois)", "Nombre entier de mois"),
    CPV("code_cpv", "cpv", "Code CPV", "Huit chiffres, par exemple 77310000"),
    TITULAIRES("titulaires", "holders", "Titulaires", "SIRET séparés par des points-virgules ; TVA:… ou HORS-UE:… pour une entreprise sans SIRET"),
    SOUS_TRAITANTS("sous_traitants", "subcontractors", "Sous-traitants déclarés", "SIRET séparés par des points-virgules"),
    GROUPEMENT("groupement", "groupKind", "Groupement d’opérateurs", "Pas de groupement, Conjoint ou Solidaire"),
    CLAUSE_SOCIALE("clause_sociale", "socialClause", "Clause sociale", "oui ou non"),
    CRITERE_SOCIAL("critere_social", "socialCriterion", "Critère social", "oui ou non"),
    RESERVE("marche_reserve", "reservation", "Marché réservé", "SIAE, STPA, ESS ou vide"),
    CLAUSE_ENV("clause_environnementale", "environmentalClause", "Clause environnementale", "oui ou non"),
    CRITERE_ENV("critere_environnemental", "environmentalCriterion", "Critère environnemental", "oui ou non"),
    THEMES("themes_environnementaux", "themes", "Thèmes environnementaux", "eau, biodiversité, énergie / EnR, mobilité, économie circulaire, santé / alimentation ; séparés par des points-virgules"),
    VARIANTES("variantes", "variants", "Variantes autorisées", "oui ou non"),
    SPEC_FONCTIONNELLE("specification_fonctionnelle", "functionalSpecification", "Cahier des charges fonctionnel", "oui ou non"),
    AVANCE("avance", "advance", "Clause d’avance", "oui ou non"),
    TAUX_AVANCE("taux_avance", "advanceRate", "Taux de l’avance (%)", "Par exemple 20 pour 20 %"),
    INNOVANT("innovant", "innovative", "Achat innovant", "oui ou non"),
    LABEL("label_exige", "labelRequired", "Label ou certificat exigé", "oui ou non"),
    COUT_CYCLE_VIE("critere_cout_cycle_vie", "lifecycleCostCriterion", "Critère de coût du cycle de vie", "oui ou non"),
    REPARABILITE("critere_reparabilite", "reparabilityCriterion", "Critère de réparabilité ou durabilité", "oui ou non"),
    EGALITE("critere_egalite", "equalityCriterion", "Critère d’égalité femmes-hommes", "oui ou non"),
    PLAN_EGALITE("plan_egalite", "equalityPlan", "Plan de progrès égalité", "oui ou non"),
    PARTICIPATION("participation_citoyenne", "citizenParticipation", "Participation citoyenne", "oui ou non"),
    GROUPEMENT_COMMANDES("groupement_commandes", "groupPurchase", "Groupement de commandes ou centrale d’achat", "oui ou non"),
    REEMPLOI("part_reemploi", "reuseShare", "Part issue du réemploi ou recyclée (%)", "Fournitures (loi AGEC), par exemple 20"),
    HEURES_PREVUES("heures_insertion_prevues", "insertionHoursPlanned", "Heures d’insertion prévues", "Nombre entier"),
    HEURES_REALISEES("heures_insertion_realisees", "insertionHoursAchieved", "Heures d’insertion réalisées", "Nombre entier"),
    SORTIES("sorties_positives", "positiveExits", "Sorties positives", "Nombre de personnes (CDI, formation, CDD de 6 mois ou plus)"),
    LIGNE("ligne_programmation", "programmingLineId", "Ligne de programmation", "Numéro de la ligne (facultatif)");

    private final String header;
    private final String formName;
    private final String label;
    private final String hint;

    Column(String header, String formName, String label, String hint) {
        this.header = header;
        this.formName = formName;
        this.label = label;
        this.hint = hint;
    }

    public String header() {
        return header;
    }

    public String formName() {
        return formName;
    }

    public String label() {
        return label;
    }

    public String hint() {
        return hint;
    }

    boolean yesNo() {
        return hint.equals("oui ou non");
    }
}
