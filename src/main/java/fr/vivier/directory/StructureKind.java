package fr.vivier.directory;

/** The kind of structure (Est Ensemble glossary): SIAE, protected and adapted work, other ESS, ordinary company. */
public enum StructureKind {
    EI(Family.SIAE, "Entreprise d’insertion (EI)"),
    AI(Family.SIAE, "Association intermédiaire (AI)"),
    ACI(Family.SIAE, "Atelier et chantier d’insertion (ACI)"),
    ETTI(Family.SIAE, "Entreprise de travail temporaire d’insertion (ETTI)"),
    EITI(Family.SIAE, "Entreprise d’insertion par le travail indépendant (EITI)"),
    GEIQ(Family.SIAE, "Groupement d’employeurs pour l’insertion et la qualification (GEIQ)"),
    ESAT(Family.STPA, "Établissement et service d’accompagnement par le travail (ESAT)"),
    EA(Family.STPA, "Entreprise adaptée (EA)"),
    EATT(Family.STPA, "Entreprise adaptée de travail temporaire (EATT)"),
    ASSOCIATION(Family.ESS, "Association"),
    COOPERATIVE(Family.ESS, "Coopérative (SCOP, SCIC…)"),
    MUTUELLE(Family.ESS, "Mutuelle"),
    FONDATION(Family.ESS, "Fondation"),
    ESUS(Family.ESS, "Entreprise agréée ESUS"),
    COMPANY(Family.COMPANY, "Entreprise (hors ESS)");

    public enum Family {
        SIAE("Structure d’insertion par l’activité économique (SIAE)"),
        STPA("Secteur du travail protégé et adapté (STPA)"),
        ESS("Autre structure de l’économie sociale et solidaire (ESS)"),
        COMPANY("Entreprise (TPE, PME…)");

        private final String label;

        Family(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Family family;
    private final String label;

    StructureKind(Family family, String label) {
        this.family = family;
        this.label = label;
    }

    public Family family() {
        return family;
    }

    public String label() {
        return label;
    }

    /** SIAE, STPA and the other ESS families belong to the social and solidarity economy by law (loi ESS 2014). */
    public boolean impliesEss() {
        return family != Family.COMPANY;
    }
}
