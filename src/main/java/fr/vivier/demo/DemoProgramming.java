package fr.vivier.demo;

import fr.vivier.programming.Editor;
import fr.vivier.programming.LineForm;
import fr.vivier.programming.ProgrammingService;
import fr.vivier.web.FrenchFormat;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo data (VIVIER_DEMO_DATA=true): the published programming of Est Ensemble for the coming year, about forty
 * lines across its directions, some with lots, some reserved, launches spread over the year. Saved by year and
 * reference through the programming's own rules: loading twice changes nothing.
 */
@Singleton
public class DemoProgramming {
    private static final Logger LOG = LoggerFactory.getLogger(DemoProgramming.class);
    private static final Editor DEMO = new Editor(null, DemoSupplierLoader.ACTOR, true, null);
    private static final String EST_ENSEMBLE = "200057875";

    private final ProgrammingService programming;
    private final Clock clock;

    DemoProgramming(ProgrammingService programming, Clock clock) {
        this.programming = programming;
        this.clock = clock;
    }

    /** One demo line: reserved is NONE, SIAE, STPA or ESS; lots are « object|sector|amount ». */
    record Line(String reference, String direction, String object, String description, String sector, String cpv, String amount,
                int quarter, String places, String reserved, boolean socialClause, boolean environmentalClause, String themes,
                List<String> lots) { }

    /** The programming of next year from September on (the autumn census), of this year before. */
    public int year() {
        LocalDate today = FrenchFormat.today(clock);
        return today.getMonthValue() >= 9 ? today.getYear() + 1 : today.getYear();
    }

    public int load() {
        int saved = 0;
        for (Line line : lines()) {
            ProgrammingService.Saved result = programming.saveAndPublish(form(line), DEMO);
            if (result instanceof ProgrammingService.Saved.Invalid invalid) {
                throw new IllegalStateException("ligne de démonstration refusée (" + line.reference() + ") : " + invalid.errors());
            }
            saved++;
        }
        LOG.info("demo data: {} programming lines for {}", saved, year());
        return saved;
    }

    private LineForm form(Line line) {
        List<String> lotObjects = new ArrayList<>();
        List<String> lotSectors = new ArrayList<>();
        List<String> lotAmounts = new ArrayList<>();
        for (String lot : line.lots()) {
            String[] parts = lot.split("\\|");
            lotObjects.add(parts[0]);
            lotSectors.add(parts[1]);
            lotAmounts.add(parts[2]);
        }
        return new LineForm(String.valueOf(year()), line.reference(), line.object(), line.description(), line.direction(),
            List.of(line.sector().split(" ")), line.cpv(), line.amount(), String.valueOf(line.quarter()), "",
            amountAbove(line.amount(), 221_000) ? "OPEN_TENDER" : "ADAPTED", "CONTRACT", line.places(), flag(line.socialClause()), null,
            line.reserved(), flag(line.environmentalClause()), null, line.themes(), null, null,
            "Service de la commande publique — commande.publique@est-ensemble.example", lotObjects, lotSectors, lotAmounts);
    }

    private static boolean amountAbove(String amount, long threshold) {
        return Long.parseLong(amount.replace(" ", "")) >= threshold;
    }

    private static String flag(boolean value) {
        return value ? "on" : null;
    }

    private static final String EV = "Direction des espaces verts";
    private static final String PROP = "Direction de la prévention et de la valorisation des déchets";
    private static final String EAU = "Direction de l’eau et de l’assainissement";
    private static final String BAT = "Direction des bâtiments";
    private static final String CULT = "Direction de la culture";
    private static final String SPORT = "Direction des piscines et des sports";
    private static final String ECO = "Direction du développement économique";
    private static final String SI = "Direction des systèmes d’information";
    private static final String COM = "Direction de la communication";
    private static final String MG = "Direction des moyens généraux";

    static List<Line> lines() {
        return List.of(
            new Line("EV-01", EV, "Entretien des parcs et jardins communautaires", "Tonte, taille, désherbage sans phytosanitaires et ramassage des feuilles dans les parcs de l’EPT.", "espaces-verts-entretien", "77310000", "420 000", 1, EST_ENSEMBLE, "NONE", true, true, "zéro phyto, gestion différenciée", List.of("Parcs du nord (Bobigny, Bondy, Noisy-le-Sec)|espaces-verts-entretien|210 000", "Parcs du sud (Montreuil, Bagnolet, Romainville)|espaces-verts-entretien|210 000")),
            new Line("EV-02", EV, "Élagage et abattage des arbres d’alignement", "Campagne annuelle d’élagage, diagnostic sanitaire et abattages ponctuels.", "espaces-verts-elagage", "77211400", "160 000", 4, "93010 93053 93008", "NONE", true, false, "", List.of()),
            new Line("EV-03", EV, "Entretien des espaces verts des sièges administratifs", "Petits travaux d’entretien réservés aux structures d’insertion.", "espaces-verts-entretien", "77311000", "38 000", 2, "93055", "SIAE", false, true, "zéro phyto", List.of()),
            new Line("EV-04", EV, "Fleurissement saisonnier des entrées de ville", "Fourniture et plantation des massifs de printemps et d’automne.", "espaces-verts-fleurissement", "03121000", "55 000", 1, "93048 93006", "NONE", false, true, "plantes vivaces locales", List.of()),
            new Line("EV-05", EV, "Écopâturage sur les talus et friches", "Gestion par pâturage ovin de 6 hectares de talus.", "environnement-ecopaturage", "77300000", "24 000", 2, "93063", "ESS", false, true, "biodiversité", List.of()),
            new Line("EV-06", EV, "Création d’un jardin partagé au Pré-Saint-Gervais", "Aménagement paysager, clôtures, bacs de culture et récupération d’eau de pluie.", "espaces-verts-creation", "45112710", "95 000", 3, "93061", "NONE", true, true, "gestion de l’eau", List.of()),
            new Line("DEC-01", PROP, "Collecte des encombrants sur rendez-vous", "Collecte à domicile et tri pour réemploi.", "dechets-collecte dechets-reemploi-mobilier", "90511000", "1 200 000", 2, EST_ENSEMBLE, "NONE", true, true, "réemploi", List.of("Collecte|dechets-collecte|900 000", "Tri et réemploi|dechets-reemploi-mobilier|300 000")),
            new Line("DEC-02", PROP, "Animation des recycleries éphémères", "Journées de collecte et de réparation dans les quartiers.", "dechets-ressourcerie dechets-reparation", "90500000", "75 000", 2, "93048 93055 93010", "ESS", false, true, "réemploi, réparation", List.of()),
            new Line("DEC-03", PROP, "Collecte des biodéchets des marchés alimentaires", "Collecte en vélo-cargo et compostage.", "dechets-biodechets", "90513000", "140 000", 3, "93048 93006", "NONE", true, true, "biodéchets, vélo-cargo", List.of()),
            new Line("DEC-04", PROP, "Nettoyage des points d’apport volontaire", "Lavage des colonnes de tri et enlèvement des dépôts au pied.", "proprete-urbaine", "90610000", "180 000", 1, EST_ENSEMBLE, "SIAE", false, false, "", List.of()),
            new Line("DEC-05", PROP, "Sensibilisation au tri dans les écoles", "Ateliers dans 40 écoles élémentaires.", "formation-sensibilisation", "80500000", "32 000", 3, EST_ENSEMBLE, "ESS", false, true, "prévention des déchets", List.of()),
            new Line("EAU-01", EAU, "Curage des réseaux d’assainissement", "Curage préventif et inspection télévisée.", "dechets-assainissement", "90470000", "650 000", 1, EST_ENSEMBLE, "NONE", true, false, "", List.of("Curage|dechets-assainissement|500 000", "Inspection télévisée|dechets-assainissement|150 000")),
            new Line("EAU-02", EAU, "Étude de désimperméabilisation des cours d’écoles", "Étude de faisabilité pour 12 cours d’écoles.", "environnement-eau conseil-etudes", "71241000", "85 000", 4, "93008 93010 93053", "NONE", false, true, "gestion de l’eau", List.of()),
            new Line("BAT-01", BAT, "Nettoyage des locaux administratifs", "Nettoyage quotidien de 12 sites, produits écolabellisés.", "proprete-locaux", "90919200", "520 000", 3, EST_ENSEMBLE, "NONE", true, true, "produits écolabellisés", List.of("Sites de Romainville et Bobigny|proprete-locaux|260 000", "Sites de Montreuil et Bagnolet|proprete-locaux|260 000")),
            new Line("BAT-02", BAT, "Nettoyage des vitres des équipements", "Deux passages par an.", "proprete-vitrerie", "90911300", "36 000", 2, EST_ENSEMBLE, "STPA", false, false, "", List.of()),
            new Line("BAT-03", BAT, "Rénovation énergétique du conservatoire de Bobigny", "Isolation, menuiseries et ventilation.", "second-oeuvre-renovation-energetique second-oeuvre-isolation", "45321000", "1 800 000", 2, "93008", "NONE", true, true, "performance énergétique", List.of("Isolation|second-oeuvre-isolation|700 000", "Menuiseries extérieures|second-oeuvre-menuiserie|600 000", "Ventilation|second-oeuvre-cvc|500 000")),
            new Line("BAT-04", BAT, "Travaux de peinture des équipements culturels", "Peinture intérieure de trois médiathèques.", "second-oeuvre-peinture", "45442100", "120 000", 3, "93055 93045 93061", "NONE", true, true, "peintures biosourcées", List.of()),
            new Line("BAT-05", BAT, "Maintenance multiservice des bâtiments", "Petits travaux et dépannages.", "maintenance-multiservice", "50700000", "90 000", 1, EST_ENSEMBLE, "SIAE", true, false, "", List.of()),
            new Line("BAT-06", BAT, "Contrôles des installations électriques", "Vérifications périodiques réglementaires.", "conseil-controle-technique", "71631000", "45 000", 4, EST_ENSEMBLE, "NONE", false, false, "", List.of()),
            new Line("CULT-01", CULT, "Impression des programmes de saison culturelle", "Impression sur papier recyclé, 4 numéros par an.", "communication-imprimerie", "79810000", "60 000", 2, EST_ENSEMBLE, "STPA", false, true, "papier recyclé", List.of()),
            new Line("CULT-02", CULT, "Gardiennage des événements culturels", "Sécurité des festivals d’été.", "securite-evenementielle", "79710000", "110 000", 2, "93048 93055", "NONE", true, false, "", List.of()),
            new Line("CULT-03", CULT, "Location de matériel scénique", "Son, lumière et scène pour les événements en plein air.", "evenementiel-materiel", "51313000", "70 000", 1, EST_ENSEMBLE, "NONE", false, false, "", List.of()),
            new Line("CULT-04", CULT, "Reliure et réparation des documents des médiathèques", "Réparation de 8 000 documents par an.", "communication-reprographie", "79971000", "28 000", 4, EST_ENSEMBLE, "STPA", false, true, "réemploi", List.of()),
            new Line("CULT-05", CULT, "Médiation numérique dans les médiathèques", "Ateliers d’inclusion numérique pour tous les publics.", "informatique-mediation", "80420000", "50 000", 3, EST_ENSEMBLE, "ESS", true, false, "", List.of()),
            new Line("SP-01", SPORT, "Entretien et traitement de l’eau des piscines", "Maintenance des installations de traitement d’eau de 8 piscines.", "maintenance-machines", "50514000", "260 000", 1, EST_ENSEMBLE, "NONE", true, true, "économies d’eau", List.of()),
            new Line("SP-02", SPORT, "Fourniture de vêtements de travail des maîtres-nageurs", "Tenues et chaussures.", "textile-vetements-travail", "18100000", "35 000", 2, EST_ENSEMBLE, "STPA", false, true, "textiles durables", List.of()),
            new Line("SP-03", SPORT, "Blanchisserie du linge des piscines", "Serviettes et peignoirs.", "blanchisserie-linge", "98311000", "48 000", 3, EST_ENSEMBLE, "STPA", false, false, "", List.of()),
            new Line("ECO-01", ECO, "Accompagnement des créateurs d’entreprise", "Ateliers et suivi individuel des porteurs de projet.", "formation-accompagnement", "79411100", "150 000", 1, EST_ENSEMBLE, "NONE", true, false, "", List.of()),
            new Line("ECO-02", ECO, "Organisation du forum de l’emploi et de l’insertion", "Forum annuel avec 80 exposants.", "evenementiel-organisation", "79952000", "65 000", 3, "93008", "ESS", true, false, "", List.of()),
            new Line("ECO-03", ECO, "Étude sur l’économie circulaire du territoire", "Diagnostic des flux de matières et des acteurs du réemploi.", "conseil-etudes conseil-rse", "73200000", "60 000", 4, EST_ENSEMBLE, "NONE", false, true, "économie circulaire", List.of()),
            new Line("ECO-04", ECO, "Restauration des événements économiques", "Buffets bio et locaux pour 15 événements.", "restauration-traiteur restauration-bio-local", "55520000", "40 000", 2, EST_ENSEMBLE, "ESS", false, true, "produits bio et locaux", List.of()),
            new Line("SI-01", SI, "Fourniture d’ordinateurs reconditionnés", "Postes de travail et écrans reconditionnés avec garantie.", "informatique-reconditionne", "30213000", "190 000", 1, EST_ENSEMBLE, "NONE", true, true, "réemploi", List.of("Postes fixes|informatique-reconditionne|120 000", "Portables|informatique-reconditionne|70 000")),
            new Line("SI-02", SI, "Numérisation des archives des permis de construire", "Numérisation et indexation de 40 000 dossiers.", "services-administratifs-numerisation", "79999100", "75 000", 2, EST_ENSEMBLE, "STPA", false, false, "", List.of()),
            new Line("SI-03", SI, "Refonte du site internet", "Site accessible (RGAA) et éco-conçu.", "informatique-web", "72413000", "140 000", 3, EST_ENSEMBLE, "NONE", false, true, "écoconception", List.of()),
            new Line("SI-04", SI, "Collecte et recyclage du matériel informatique", "Enlèvement, effacement des données et réemploi.", "dechets-tri-recyclage informatique-reconditionne", "90514000", "20 000", 4, EST_ENSEMBLE, "SIAE", false, true, "réemploi", List.of()),
            new Line("COM-01", COM, "Distribution du magazine communautaire", "Distribution dans les boîtes aux lettres, 6 numéros.", "communication-routage", "79571000", "130 000", 1, EST_ENSEMBLE, "NONE", true, false, "", List.of()),
            new Line("COM-02", COM, "Reportages photo et vidéo", "Couverture des événements et portraits d’habitants.", "communication-photographie communication-audiovisuel", "79961000", "45 000", 2, EST_ENSEMBLE, "NONE", false, false, "", List.of()),
            new Line("COM-03", COM, "Signalétique des équipements", "Conception et pose de panneaux.", "communication-signaletique", "34928470", "85 000", 4, "93045 93061 93063", "NONE", false, true, "matériaux recyclés", List.of()),
            new Line("MG-01", MG, "Fournitures de bureau", "Papier recyclé et fournitures écolabellisées.", "fournitures-bureau", "30192000", "70 000", 1, EST_ENSEMBLE, "STPA", false, true, "écolabels", List.of()),
            new Line("MG-02", MG, "Entretien des véhicules de service", "Entretien et réparations de 60 véhicules.", "mobilite-entretien-vehicules", "50112000", "110 000", 2, EST_ENSEMBLE, "NONE", true, false, "", List.of()),
            new Line("MG-03", MG, "Flotte de vélos à assistance électrique", "Location longue durée et entretien de 30 vélos.", "mobilite-velo", "34430000", "55 000", 3, EST_ENSEMBLE, "ESS", false, true, "mobilité décarbonée", List.of()),
            new Line("MG-04", MG, "Déménagements internes", "Déménagements lors des regroupements de services.", "transport-logistique-demenagement", "98392000", "30 000", 4, EST_ENSEMBLE, "SIAE", false, false, "", List.of()));
    }
}
