package fr.vivier.demo;

import fr.vivier.directory.CompanySize;
import fr.vivier.directory.LegalForm;
import fr.vivier.directory.StructureKind;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.vivier.directory.CompanySize.PME;
import static fr.vivier.directory.CompanySize.TPE;
import static java.util.Map.entry;

/**
 * The words the demo suppliers are made of: per sector group, per structure kind, per commune. Everything
 * here is invented; the only real things are the place names of the territory and the reference codes.
 */
final class DemoVocabulary {
    private DemoVocabulary() {
    }

    /** Words of a sector group: a trade word, brand nouns, typical offers, plausible labels. */
    record GroupWords(String trade, List<String> brands, List<String> offers, List<String> labels) { }

    /**
     * How a kind of structure looks: how many of the 200, its legal forms and sizes (repeated entries weigh
     * more), the sectors it always declares, where its other sectors come from (a sector or a whole group),
     * name templates and the contact's roles (« Directeur|Directrice » when the word has a feminine form).
     */
    record KindProfile(StructureKind kind, int count, List<LegalForm> legalForms, List<CompanySize> sizes,
                       List<String> mandatorySectors, List<String> sectorPool, List<String> nameTemplates,
                       List<String> roles, List<String> labels) { }

    /** Est Ensemble (EPT 200057875): the demo authority's territory. */
    static final String EPT_CODE = "200057875";
    static final String EPT_NAME = "Est Ensemble";
    static final String DEPARTEMENT = "93";
    static final String REGION = "11";
    static final int SUPPLIERS = 200;
    static final int ELSEWHERE = 30;

    /** Suppliers from outside the territory: a few neighbours and Paris, counts out of {@link #ELSEWHERE}. */
    static final Map<String, Integer> ELSEWHERE_COMMUNES = orderedMap(
        entry("75056", 8), entry("93066", 4), entry("93001", 3), entry("93064", 3), entry("93051", 2),
        entry("93029", 2), entry("93070", 2), entry("93005", 2), entry("93077", 2), entry("93046", 1), entry("93032", 1));

    /** Neighbourhoods and landmarks, with their article, used in names (« Les Jardins du Canal »). */
    static final Map<String, List<String>> PLACES = orderedMap(
        entry("93048", List.of("des Murs à Pêches", "des Beaumonts", "du Bas-Montreuil", "de la Croix-de-Chavaux")),
        entry("93006", List.of("des Coutures", "des Malassis", "du Plateau")),
        entry("93008", List.of("de l’Abreuvoir", "de la Bergère", "du Canal")),
        entry("93010", List.of("du Canal", "de la Sablière")),
        entry("93055", List.of("des Quatre-Chemins", "des Courtillières", "de l’Ourcq")),
        entry("93063", List.of("de la Corniche", "des Bas-Pays")),
        entry("93053", List.of("du Londeau", "du Merlan", "de l’Ourcq")),
        entry("93061", List.of("des Sept-Arpents")));
    static final List<String> TERRITORY_PLACES = List.of("de l’Ourcq", "du Canal", "de l’Est Parisien", "des Hauteurs", "des Faubourgs");

    static final Map<String, GroupWords> GROUPS = orderedMap(
        entry("espaces-verts", new GroupWords("Espaces Verts", List.of("Les Jardins", "Paysages", "Verdure", "Les Jardiniers"),
            List.of("Contrat annuel d’entretien des espaces verts", "Tonte, taille de haies et désherbage manuel",
                "Gestion différenciée et fauche tardive", "Plantation d’arbres et de massifs", "Élagage raisonné et abattage",
                "Fleurissement saisonnier des espaces publics", "Entretien de cimetières et de pieds d’arbres"),
            List.of("label-eve", "qualipaysage", "iso-14001"))),
        entry("proprete", new GroupWords("Propreté", List.of("Éclat", "Net Services", "Clarté", "Propreté"),
            List.of("Nettoyage quotidien de bureaux et d’équipements publics", "Nettoyage de vitres et de façades vitrées",
                "Remise en état après travaux", "Enlèvement de graffitis et d’affichage sauvage", "Désinfection et dératisation",
                "Nettoyage des parties communes d’immeubles"),
            List.of("ecocert-ecodetergent", "iso-14001", "iso-9001", "ecolabel-europeen"))),
        entry("btp", new GroupWords("Bâtiment", List.of("Bâtisseurs", "Constructions", "Maçonnerie", "Travaux"),
            List.of("Maçonnerie générale et petits ouvrages", "Démolition sélective et curage", "Terrassement et VRD",
                "Réfection de voirie et de trottoirs", "Couverture, zinguerie et étanchéité", "Gros œuvre de bâtiments publics"),
            List.of("qualibat", "iso-9001", "rge"))),
        entry("second-oeuvre", new GroupWords("Rénovation", List.of("Rénov", "Finitions", "Peinture", "Habitat"),
            List.of("Peinture intérieure et ravalement", "Menuiserie bois et agencement intérieur", "Plomberie et sanitaires",
                "Électricité, courants faibles et éclairage", "Isolation thermique par l’extérieur",
                "Pose de revêtements de sols et de carrelage", "Plâtrerie, cloisons et faux plafonds"),
            List.of("qualibat", "rge", "qualifelec"))),
        entry("restauration", new GroupWords("Traiteur", List.of("Saveurs", "La Table", "Les Cuisines", "Le Comptoir"),
            List.of("Plateaux-repas et buffets pour réunions", "Cocktails et réceptions jusqu’à 300 personnes",
                "Repas en liaison froide pour la restauration scolaire", "Portage de repas à domicile",
                "Paniers de fruits et légumes de saison", "Pain et viennoiseries livrés chaque matin", "Cuisine du monde faite maison"),
            List.of("agriculture-biologique", "label-rouge", "fairtrade-max-havelaar", "msc", "hve"))),
        entry("informatique", new GroupWords("Numérique", List.of("Numérique", "Digital", "Octet", "Réseau"),
            List.of("Développement d’applications web sur mesure", "Création de sites accessibles (RGAA)",
                "Infogérance et support informatique", "Hébergement et sauvegarde en France", "Ordinateurs reconditionnés garantis",
                "Ateliers de médiation numérique", "Câblage réseau et téléphonie"),
            List.of("numerique-responsable", "iso-9001", "ecovadis"))),
        entry("communication", new GroupWords("Communication", List.of("Imprimerie", "Studio", "Atelier Graphique", "Signal"),
            List.of("Impression offset et numérique", "Création graphique et identité visuelle", "Mise sous pli et routage",
                "Signalétique et enseignes", "Reportages photo et vidéo", "Conseil en communication publique"),
            List.of("imprim-vert", "pefc", "fsc"))),
        entry("transport-logistique", new GroupWords("Logistique", List.of("Transports", "Logistique", "Coursiers", "Express"),
            List.of("Livraison du dernier kilomètre à vélo cargo", "Transport de marchandises en véhicule électrique",
                "Déménagement de bureaux et de mobilier", "Transport de personnes à mobilité réduite",
                "Stockage et préparation de commandes", "Navettes et transport scolaire"),
            List.of("iso-14001", "engage-rse"))),
        entry("dechets", new GroupWords("Recyclage", List.of("Ressourcerie", "Recyclerie", "Réemploi", "Seconde Vie"),
            List.of("Collecte et valorisation des encombrants", "Collecte et tri des biodéchets", "Vente d’objets de seconde main",
                "Réparation de petit électroménager", "Rénovation de mobilier de bureau",
                "Collecte de textiles et de papiers de bureau", "Réemploi de matériaux de chantier"),
            List.of("iso-14001", "label-bas-carbone"))),
        entry("conseil", new GroupWords("Conseil", List.of("Études", "Conseil", "Ingénierie", "Perspectives"),
            List.of("Études et diagnostics de territoire", "Accompagnement de démarches RSE", "Assistance à maîtrise d’ouvrage",
                "Évaluation de politiques publiques", "Interprétariat en langue des signes", "Bilans carbone et plans de sobriété",
                "Maîtrise d’œuvre de bâtiments publics"),
            List.of("iso-9001", "engage-rse", "lucie-26000", "b-corp"))),
        entry("formation", new GroupWords("Formation", List.of("Savoirs", "Compétences", "Tremplin", "Formation"),
            List.of("Formations aux premiers secours (SST, PSC1)", "Cours de français langue étrangère",
                "Formation à la bureautique et au numérique", "Bilans de compétences",
                "Animations d’éducation à l’environnement", "Préparation au permis de conduire"),
            List.of("qualiopi"))),
        entry("services-personne", new GroupWords("Services", List.of("Aide et Présence", "Domicile", "Solidarité", "Le Relais"),
            List.of("Aide à domicile pour personnes âgées", "Garde d’enfants et accueil périscolaire",
                "Accompagnement de personnes en situation de handicap", "Médiation sociale et animation de proximité",
                "Accompagnement vers l’emploi", "Actions de prévention santé"),
            List.of("cap-handeo", "qualiopi", "label-diversite"))),
        entry("textile", new GroupWords("Textile", List.of("Atelier Textile", "Fil", "Couture", "Confection"),
            List.of("Vêtements de travail et équipements de protection", "Confection et retouches", "Marquage et broderie textile",
                "Linge de maison et rideaux sur mesure", "Sacs et objets en textiles recyclés"),
            List.of("origine-france-garantie", "fair-for-life", "wfto"))),
        entry("blanchisserie", new GroupWords("Blanchisserie", List.of("Blanchisserie", "Linge", "Pressing"),
            List.of("Traitement du linge plat et des tenues de travail", "Location-entretien de vêtements professionnels",
                "Pressing et repassage", "Collecte et livraison du linge"),
            List.of("ecolabel-europeen", "iso-14001"))),
        entry("mobilier", new GroupWords("Mobilier", List.of("Ébénisterie", "Mobilier", "Bois"),
            List.of("Mobilier de bureau et de collectivité", "Mobilier sur mesure en bois local", "Mobilier urbain et bancs publics",
                "Aires de jeux et équipements sportifs", "Luminaires et éclairage"),
            List.of("pefc", "fsc", "bois-de-france", "nf-environnement"))),
        entry("maintenance", new GroupWords("Maintenance", List.of("Multiservices", "Maintenance", "Techniques"),
            List.of("Petits travaux et multiservice technique", "Maintenance des chaufferies et de la climatisation",
                "Vérification des extincteurs et de la sécurité incendie", "Maintenance de l’éclairage public",
                "Réparation de machines et d’équipements"),
            List.of("qualifelec", "iso-9001"))),
        entry("securite", new GroupWords("Sécurité", List.of("Sécurité", "Vigilance", "Protection"),
            List.of("Gardiennage et surveillance de sites", "Sécurité d’événements et filtrage", "Télésurveillance et alarmes",
                "Serrurerie et contrôle d’accès"),
            List.of("iso-9001", "engage-rse"))),
        entry("evenementiel", new GroupWords("Événements", List.of("Compagnie", "Événements", "Scène", "Festivités"),
            List.of("Organisation de séminaires et de forums", "Location de matériel scénique et sonorisation",
                "Spectacles et animations culturelles", "Ateliers sportifs et de loisirs", "Séjours et classes de découverte"),
            List.of("engage-rse", "iso-14001"))),
        entry("environnement", new GroupWords("Nature", List.of("Fermes", "Les Ruches", "Biodiversité", "Nature"),
            List.of("Maraîchage urbain et paniers de légumes", "Éco-pâturage sur sites publics", "Installation et entretien de ruches",
                "Inventaires faune-flore et génie écologique", "Études environnementales et bilans carbone"),
            List.of("agriculture-biologique", "hve", "label-bas-carbone"))),
        entry("energie", new GroupWords("Énergie", List.of("Énergies", "Soleil", "Watt"),
            List.of("Installations solaires photovoltaïques", "Fourniture d’électricité renouvelable",
                "Audits et performance énergétique", "Chaudières bois et biomasse"),
            List.of("rge", "qualifelec", "iso-14001"))),
        entry("mobilite", new GroupWords("Mobilité", List.of("Vélo", "Mobilités", "Garage"),
            List.of("Vente et réparation de vélos", "Entretien de flottes de vélos à assistance électrique",
                "Entretien et réparation de véhicules", "Location de véhicules utilitaires", "Pose de bornes de recharge"),
            List.of("qualifelec", "iso-14001"))),
        entry("fournitures", new GroupWords("Fournitures", List.of("Papeterie", "Fournitures", "Emballages"),
            List.of("Fournitures de bureau et papier recyclé", "Consommables d’impression remanufacturés", "Fournitures scolaires",
                "Emballages et sacs recyclables"),
            List.of("ange-bleu", "nf-environnement", "fsc", "ecolabel-europeen"))),
        entry("emploi", new GroupWords("Emploi", List.of("Intérim", "Emploi", "Relais Emploi", "Tremplin"),
            List.of("Mise à disposition de personnel pour l’entretien et la manutention", "Missions d’intérim dans le BTP",
                "Recrutement de profils en parcours d’insertion", "Appui au recrutement pour les clauses sociales"),
            List.of("label-diversite", "qualiopi"))),
        entry("services-administratifs", new GroupWords("Services", List.of("Archives", "Accueil", "Bureau"),
            List.of("Numérisation et archivage de documents", "Accueil et standard téléphonique", "Saisie de données",
                "Conciergerie d’entreprise", "Secrétariat externalisé"),
            List.of("iso-9001"))),
        entry("industrie", new GroupWords("Sous-traitance", List.of("Ateliers", "Conditionnement", "Façonnage"),
            List.of("Conditionnement et mise sous film", "Assemblage et montage de petites séries",
                "Fabrication de palettes et de caisses en bois", "Usinage et métallerie", "Mise en kit et étiquetage"),
            List.of("iso-9001"))));

    private static final List<String> DIRECTION = List.of("Directeur|Directrice", "Responsable commercial|Responsable commerciale", "Chargé de développement|Chargée de développement");

    /** Roughly a large city's directory: 45 % ordinary companies, 20 % SIAE, 10 % STPA, 25 % other ESS. */
    static final List<KindProfile> KINDS = List.of(
        new KindProfile(StructureKind.COMPANY, 90,
            List.of(LegalForm.SAS, LegalForm.SAS, LegalForm.SARL, LegalForm.SARL, LegalForm.SASU, LegalForm.EURL, LegalForm.EI, LegalForm.SA),
            List.of(TPE, TPE, TPE, TPE, TPE, TPE, PME, PME, PME, CompanySize.ETI),
            List.of(),
            List.of("btp", "second-oeuvre", "second-oeuvre", "maintenance", "informatique", "conseil", "communication",
                "restauration-traiteur", "restauration-boulangerie", "restauration-fruits-legumes", "transport-logistique",
                "securite", "mobilier", "fournitures", "energie", "mobilite", "evenementiel", "proprete", "espaces-verts",
                "formation-professionnelle", "formation-conduite", "textile-vetements-travail", "blanchisserie-pressing"),
            List.of("{commune} {trade} Services", "{brand} {place}", "{trade} {surname}", "Établissements {surname}",
                "{brand} {deCommune}", "{surname} et Associés", "Atelier {surname}"),
            List.of("Gérant|Gérante", "Président|Présidente", "Responsable commercial|Responsable commerciale", "Chargé d’affaires|Chargée d’affaires", "Assistant de direction|Assistante de direction"),
            List.of("ecovadis", "engage-rse", "rfar", "societe-a-mission", "b-corp")),
        new KindProfile(StructureKind.EI, 12, List.of(LegalForm.SAS, LegalForm.SARL, LegalForm.SARL),
            List.of(TPE, PME, PME), List.of(),
            List.of("proprete-locaux", "proprete-urbaine", "second-oeuvre-peinture", "btp-demolition", "dechets-tri-recyclage",
                "dechets-reemploi-materiaux", "restauration-traiteur", "restauration-collective", "textile-confection",
                "transport-logistique-coursiers", "mobilite-velo", "informatique-reconditionne", "espaces-verts-entretien",
                "maintenance-multiservice", "services-administratifs-numerisation"),
            List.of("{brand} Solidaire {place}", "{trade} Insertion {commune}", "Tremplin {trade} {place}"),
            List.of("Directeur|Directrice", "Chargé des relations entreprises|Chargée des relations entreprises", "Encadrant technique|Encadrante technique"),
            List.of("label-diversite", "engage-rse")),
        new KindProfile(StructureKind.AI, 7, List.of(LegalForm.ASSOCIATION), List.of(TPE, PME), List.of("emploi-mise-a-disposition"),
            List.of("proprete-locaux", "espaces-verts-entretien", "services-personne-aide-domicile", "transport-logistique-demenagement",
                "maintenance-multiservice"),
            List.of("{commune} Emploi Services", "Relais Emploi {place}", "Association intermédiaire {deCommune}"),
            List.of("Directeur|Directrice", "Chargé de mission emploi|Chargée de mission emploi", "Conseiller en insertion professionnelle|Conseillère en insertion professionnelle"),
            List.of("label-diversite")),
        new KindProfile(StructureKind.ACI, 10, List.of(LegalForm.ASSOCIATION), List.of(PME, TPE, PME), List.of(),
            List.of("espaces-verts-entretien", "espaces-verts-creation", "environnement-maraichage", "dechets-ressourcerie",
                "dechets-reemploi-mobilier", "dechets-reparation", "btp-maconnerie", "second-oeuvre-peinture", "textile-confection",
                "restauration-traiteur", "mobilite-velo", "environnement-ecopaturage"),
            List.of("Chantier d’insertion {brand} {place}", "{brand} {place}", "Régie de quartier {place}"),
            List.of("Encadrant technique|Encadrante technique", "Directeur|Directrice", "Chargé d’insertion professionnelle|Chargée d’insertion professionnelle"),
            List.of("label-diversite")),
        new KindProfile(StructureKind.ETTI, 5, List.of(LegalForm.SAS, LegalForm.SARL), List.of(TPE, PME), List.of("emploi-interim"),
            List.of("btp-maconnerie", "btp-vrd", "proprete-locaux", "transport-logistique-entreposage", "emploi-recrutement"),
            List.of("Intérim Solidaire {deCommune}", "Tremplin Intérim {place}"),
            List.of("Responsable d’agence", "Chargé de recrutement|Chargée de recrutement", "Directeur|Directrice"),
            List.of("label-diversite", "qualiopi")),
        new KindProfile(StructureKind.EITI, 2, List.of(LegalForm.ASSOCIATION, LegalForm.SAS), List.of(TPE), List.of(),
            List.of("transport-logistique-coursiers", "services-personne-aide-domicile", "informatique-web", "communication-graphisme"),
            List.of("Indépendants Solidaires {place}", "Coopérative des Indépendants {deCommune}"),
            List.of("Coordinateur|Coordinatrice", "Directeur|Directrice"), List.of()),
        new KindProfile(StructureKind.GEIQ, 4, List.of(LegalForm.ASSOCIATION), List.of(TPE, PME), List.of("emploi-mise-a-disposition"),
            List.of("btp-maconnerie", "second-oeuvre-electricite", "proprete-locaux", "transport-logistique-marchandises",
                "restauration-collective", "formation-professionnelle"),
            List.of("GEIQ {trade} Est Parisien", "GEIQ {trade} {place}"),
            List.of("Chargé de développement|Chargée de développement", "Directeur|Directrice", "Conseiller emploi-formation|Conseillère emploi-formation"), List.of("qualiopi")),
        new KindProfile(StructureKind.ESAT, 11, List.of(LegalForm.ASSOCIATION, LegalForm.ASSOCIATION, LegalForm.ASSOCIATION, LegalForm.PUBLIC),
            List.of(PME), List.of(),
            List.of("industrie-conditionnement", "industrie-conditionnement", "industrie-conditionnement", "industrie-assemblage",
                "espaces-verts-entretien", "espaces-verts-entretien", "espaces-verts-entretien", "blanchisserie-linge",
                "blanchisserie-linge", "restauration-collective", "restauration-collective", "restauration-traiteur", "proprete-locaux",
                "services-administratifs-numerisation", "communication-routage", "communication-imprimerie", "mobilier-sur-mesure",
                "industrie-bois"),
            List.of("ESAT {place}", "ESAT Les Ateliers {place}", "ESAT {brand} {deCommune}"),
            List.of("Directeur|Directrice", "Chargé d’activités commerciales|Chargée d’activités commerciales", "Moniteur principal d’atelier|Monitrice principale d’atelier", "Responsable commercial|Responsable commerciale"),
            List.of("cap-handeo", "iso-9001")),
        new KindProfile(StructureKind.EA, 8, List.of(LegalForm.SAS, LegalForm.SARL, LegalForm.ASSOCIATION), List.of(PME, PME, TPE),
            List.of(),
            List.of("proprete-locaux", "espaces-verts-entretien", "informatique-reconditionne", "dechets-dangereux",
                "services-administratifs-accueil", "services-administratifs-numerisation", "transport-logistique-entreposage",
                "industrie-conditionnement", "blanchisserie-linge", "maintenance-multiservice"),
            List.of("Entreprise adaptée {brand} {place}", "Les Ateliers Adaptés {place}", "Handi {trade} {commune}"),
            List.of("Directeur|Directrice", "Responsable commercial|Responsable commerciale", "Chef d’équipe", "Chargé d’affaires|Chargée d’affaires"),
            List.of("iso-9001", "label-diversite")),
        new KindProfile(StructureKind.EATT, 1, List.of(LegalForm.SAS), List.of(PME), List.of("emploi-interim"),
            List.of("services-administratifs-accueil", "transport-logistique-entreposage"),
            List.of("Intérim Adapté {place}"), List.of("Responsable d’agence"), List.of("label-diversite")),
        new KindProfile(StructureKind.ASSOCIATION, 24, List.of(LegalForm.ASSOCIATION), List.of(TPE, TPE, TPE, PME), List.of(),
            List.of("formation-sensibilisation", "formation-langues", "evenementiel-spectacle", "evenementiel-sport",
                "services-personne-action-sociale", "services-personne-insertion", "informatique-mediation",
                "environnement-biodiversite", "environnement-maraichage", "environnement-apiculture", "dechets-ressourcerie",
                "mobilite-velo", "services-personne-petite-enfance", "evenementiel-organisation", "conseil-traduction",
                "restauration-traiteur"),
            List.of("Association {brand} {place}", "Les Amis {place}", "{brand} en Partage", "Collectif {brand} {deCommune}"),
            List.of("Président|Présidente", "Coordinateur|Coordinatrice", "Directeur|Directrice", "Chargé de projets|Chargée de projets"),
            List.of("label-diversite", "lucie-26000", "qualiopi")),
        new KindProfile(StructureKind.COOPERATIVE, 16, List.of(LegalForm.SCOP, LegalForm.SCOP, LegalForm.SCIC), List.of(TPE, TPE, PME),
            List.of(),
            List.of("conseil", "communication", "informatique-developpement", "informatique-web", "energie-solaire",
                "energie-electricite", "restauration-bio-local", "transport-logistique-coursiers",
                "second-oeuvre-renovation-energetique", "btp-charpente-couverture", "evenementiel-materiel", "mobilier-sur-mesure"),
            List.of("{legal} {brand} {place}", "Coopérative {trade} {place}", "{legal} {brand} {deCommune}"),
            List.of("Cogérant|Cogérante", "Directeur général|Directrice générale", "Associé salarié|Associée salariée"),
            List.of("b-corp", "lucie-26000", "agrement-esus")),
        new KindProfile(StructureKind.MUTUELLE, 1, List.of(LegalForm.MUTUELLE), List.of(PME), List.of("services-personne-sante"),
            List.of("services-personne-personnes-agees", "formation-securite"),
            List.of("Mutuelle Solidaire {place}"), DIRECTION, List.of()),
        new KindProfile(StructureKind.FONDATION, 2, List.of(LegalForm.FONDATION), List.of(PME), List.of(),
            List.of("services-personne-handicap", "formation-professionnelle", "services-personne-insertion"),
            List.of("Fondation {brand} {place}", "Fondation pour l’Inclusion {deCommune}"), DIRECTION, List.of("cap-handeo")),
        new KindProfile(StructureKind.ESUS, 7, List.of(LegalForm.SAS, LegalForm.SARL, LegalForm.SASU), List.of(TPE, PME), List.of(),
            List.of("conseil-rse", "informatique-reconditionne", "restauration-bio-local", "mobilite-velo", "dechets-biodechets",
                "energie-solaire", "fournitures-emballages", "textile-vetements-travail"),
            List.of("{brand} Solidaire {deCommune}", "{brand} & Cie {place}", "{brand} {place}"),
            List.of("Fondateur|Fondatrice", "Directeur général|Directrice générale", "Responsable des partenariats"),
            List.of("agrement-esus", "b-corp", "societe-a-mission")));

    static final List<String> WOMEN_FIRST_NAMES = List.of("Fatoumata", "Nadia", "Sophie", "Yasmina", "Aïcha", "Chloé", "Léa",
        "Inès", "Samia", "Aminata", "Fatima", "Linh", "Élodie", "Sabrina", "Awa", "Myriam", "Leïla", "Anaïs", "Isabelle", "Mei");
    static final List<String> MEN_FIRST_NAMES = List.of("Karim", "Mamadou", "Thierry", "Julien", "Mehdi", "Moussa", "Hugo",
        "Rachid", "Nicolas", "Lucas", "Kevin", "Wei", "Bruno", "Yacine", "Grégoire", "Sébastien", "Ousmane", "Farid", "Tiago", "Malik");
    static final List<String> LAST_NAMES = List.of("Martin", "Bernard", "Diallo", "Traoré", "Benali", "Nguyen", "Petit", "Durand",
        "Haddad", "Cissé", "Lefèvre", "Moreau", "Mendy", "Da Silva", "Ferreira", "Koné", "Garcia", "Lambert", "Bouzid", "Chen",
        "Fontaine", "Roux", "Mercier", "Sissoko", "Belkacem", "Girard", "Pereira", "Ndiaye", "Rousseau", "Kaci", "Vidal", "Tran",
        "Lemoine", "Camara", "Dupuis", "Meziane", "Barbier", "Coulibaly", "Fabre", "Hamidi");

    /** Client references stay generic so that no real organisation is named as a client of a fictitious one. */
    static final List<String> CLIENTS = List.of("Bailleur social du territoire", "Commune voisine (démonstration)",
        "Collège du secteur", "Centre social de quartier", "Médiathèque intercommunale", "Entreprise générale du bâtiment",
        "Syndic de copropriété", "Centre hospitalier du département", "Lycée professionnel", "Association sportive locale");

    static final List<String> CLIENTS_SENTENCES = List.of(
        "Nous travaillons pour des collectivités, des bailleurs sociaux et des entreprises du territoire.",
        "Nos clients sont surtout des acheteurs publics et des associations de l’est parisien.",
        "Nous répondons aux achats de moins de 40 000 € HT comme aux marchés avec clause sociale, seuls ou en cotraitance.",
        "Nous accueillons volontiers des visites de nos ateliers pour les acheteurs.");

    @SafeVarargs
    private static <K, V> Map<K, V> orderedMap(Map.Entry<K, V>... entries) {
        Map<K, V> map = new LinkedHashMap<>();
        for (Map.Entry<K, V> entry : entries) {
            map.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(map);
    }
}
