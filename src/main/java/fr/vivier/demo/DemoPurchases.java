package fr.vivier.demo;

import fr.vivier.accounts.AccountService;
import fr.vivier.directory.StructureKind;
import fr.vivier.purchases.HolderQualificationForm;
import fr.vivier.purchases.ImportReport;
import fr.vivier.purchases.PurchaseForm;
import fr.vivier.purchases.PurchaseImport;
import fr.vivier.purchases.PurchaseService;
import fr.vivier.sourcing.ContactOutcome;
import fr.vivier.sourcing.SourcingEntry;
import fr.vivier.web.FrenchFormat;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Demo data: the authority's purchases of the last twelve months (seeded, the same on every start; only the dates
 * follow today), so that the indicators have something to show on a fresh clone. Most are under 40 000 € HT. The
 * holders are as in a real authority's purchases, so that the figures sit near the seeds' (Aix 2022: 48 % of the
 * spend with firms of the territory) rather than at an easy 90 %: demo structures (their kind, size, ESS and
 * « local » frozen at notification), large firms from outside the territory that hold a good part of the big contracts
 * (not in the directory, qualified by hand by the demo staff member), and some holders nobody qualified yet
 * (« non renseigné »). Written through the purchases' spreadsheet import, idempotent by reference.
 */
@Singleton
class DemoPurchases {
    static final int COUNT = 320;
    private static final Logger LOG = LoggerFactory.getLogger(DemoPurchases.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final List<String> HEADERS = List.of("reference", "objet", "direction", "procedure", "forme_prix", "montant_ht",
        "date_notification", "duree_mois", "code_cpv", "titulaires", "clause_sociale", "critere_social", "marche_reserve",
        "clause_environnementale", "critere_environnemental", "themes_environnementaux", "variantes", "avance", "taux_avance",
        "heures_insertion_prevues", "heures_insertion_realisees");

    /** A large firm from outside the territory, as staff qualify it by hand (it has no reason to join a local directory). */
    private record LargeFirm(int number, String name, String size) {
        String siret() {
            return DemoSupplierGenerator.siret(6_000 + number);
        }
    }

    private static final List<LargeFirm> LARGE_FIRMS = List.of(
        new LargeFirm(1, "Hexagone Propreté (fictif)", "GE"), new LargeFirm(2, "Bâti-France Construction (fictif)", "GE"),
        new LargeFirm(3, "Réseaux et Énergies de France (fictif)", "GE"), new LargeFirm(4, "Restauration Collective Nationale (fictif)", "GE"),
        new LargeFirm(5, "Numérique Services Entreprises (fictif)", "ETI"), new LargeFirm(6, "Paysages d’Île-de-France (fictif)", "ETI"),
        new LargeFirm(7, "Sécurité Gardiennage Europe (fictif)", "ETI"), new LargeFirm(8, "Mobilier Public Industries (fictif)", "ETI"),
        new LargeFirm(9, "Imprimeries Réunies (fictif)", "ETI"), new LargeFirm(10, "Maintenance Multitechnique (fictif)", "GE"));

    /** A small purchase a direction makes again and again: object, CPV and the range of its amount € HT. */
    private record SmallPurchase(String direction, String object, String cpv, int from, int to) { }

    private static final List<SmallPurchase> SMALL = List.of(
        new SmallPurchase("Direction des espaces verts", "Désherbage manuel d’un square", "77313000", 2_000, 12_000),
        new SmallPurchase("Direction des espaces verts", "Fourniture de plants et de bulbes", "03451000", 1_500, 9_000),
        new SmallPurchase("Direction des espaces verts", "Taille de haies d’un groupe scolaire", "77341000", 3_000, 18_000),
        new SmallPurchase("Direction des espaces verts", "Location de broyeur de végétaux", "43300000", 1_000, 6_000),
        new SmallPurchase("Direction de la prévention et de la valorisation des déchets", "Ateliers de réparation de vélos", "50100000", 2_500, 15_000),
        new SmallPurchase("Direction de la prévention et de la valorisation des déchets", "Composteurs de quartier", "44613800", 3_000, 25_000),
        new SmallPurchase("Direction des bâtiments", "Petits travaux de peinture", "45442100", 4_000, 35_000),
        new SmallPurchase("Direction des bâtiments", "Dépannage de plomberie", "45330000", 1_000, 20_000),
        new SmallPurchase("Direction des bâtiments", "Nettoyage après travaux", "90911200", 1_500, 12_000),
        new SmallPurchase("Direction de la culture", "Impression d’affiches et de flyers", "79810000", 800, 9_000),
        new SmallPurchase("Direction de la culture", "Traiteur d’un vernissage", "55520000", 600, 5_000),
        new SmallPurchase("Direction de la culture", "Gardiennage d’un concert", "79710000", 1_200, 14_000),
        new SmallPurchase("Direction des piscines et des sports", "Blanchisserie des serviettes", "98311000", 1_500, 16_000),
        new SmallPurchase("Direction des piscines et des sports", "Petit matériel d’animation aquatique", "37400000", 800, 7_000),
        new SmallPurchase("Direction du développement économique", "Buffet bio et local d’une rencontre acheteurs-fournisseurs", "55520000", 800, 6_000),
        new SmallPurchase("Direction du développement économique", "Animation d’un atelier de sensibilisation", "80500000", 1_500, 9_000),
        new SmallPurchase("Direction des systèmes d’information", "Ordinateurs portables reconditionnés", "30213100", 3_000, 30_000),
        new SmallPurchase("Direction des systèmes d’information", "Effacement des données et collecte de matériel", "90514000", 800, 6_000),
        new SmallPurchase("Direction de la communication", "Reportage photo d’un événement", "79961000", 500, 4_000),
        new SmallPurchase("Direction de la communication", "Pose de panneaux de chantier", "34928470", 1_500, 12_000),
        new SmallPurchase("Direction des moyens généraux", "Fournitures de bureau écolabellisées", "30192000", 600, 8_000),
        new SmallPurchase("Direction des moyens généraux", "Déménagement d’un service", "98392000", 1_500, 15_000),
        new SmallPurchase("Direction des moyens généraux", "Entretien de vélos de service", "50116000", 500, 5_000));

    private final PurchaseService purchases;
    private final DemoSupplierLoader suppliers;
    private final AccountService accounts;
    private final Clock clock;

    DemoPurchases(PurchaseService purchases, DemoSupplierLoader suppliers, AccountService accounts, Clock clock) {
        this.purchases = purchases;
        this.suppliers = suppliers;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The purchase the demo buyer made after its three consultations: from the retained supplier, linked to its
     * consultation in the journal.
     */
    void recordFrom(DemoJournal.Consultations consultations) {
        SourcingEntry retained = consultations.entries().stream().filter(entry -> entry.outcome() == ContactOutcome.RETAINED).findFirst()
            .orElseThrow();
        PurchaseService.Entry entry = purchases.enter(PurchaseForm.typed(Map.of("object", "Désherbage manuel du cimetière de Noisy-le-Sec",
            "procedure", "NO_PUBLICITY", "amount", "14 800", "notifiedOn", DAY.format(retained.contactDate().plusDays(10)),
            "durationMonths", "6", "cpv", "77313000", "holders", retained.supplierSiret(), "environmentalClause", "on",
            "advance", "on", "advanceRate", "30"), List.of(String.valueOf(retained.id()))), null, consultations.buyer());
        if (entry instanceof PurchaseService.Entry.Invalid invalid) {
            throw new IllegalStateException("achat de démonstration refusé : " + invalid.errors());
        }
    }

    ImportReport load() {
        qualifyLargeFirms();
        String csv = csv(FrenchFormat.today(clock));
        ImportReport report = purchases.importFile(PurchaseService.FileKind.SPREADSHEET,
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true, null, PurchaseImport.Progress.NONE);
        if (report.count(ImportReport.Outcome.REFUSED) > 0 || report.fileRefusal() != null) {
            throw new IllegalStateException("achats de démonstration refusés : " + report.lines());
        }
        LOG.info("demo data: purchases {}", report.summary());
        return report;
    }

    /** Before the import, so that their purchases are frozen with what staff said of them (without staff, they stay « non renseigné »). */
    private void qualifyLargeFirms() {
        Long staff = accounts.findByEmail(DemoAccounts.STAFF_EMAIL).map(account -> account.id()).orElse(null);
        if (staff == null) {
            LOG.warn("demo data: no demo staff member to qualify the large firms, their purchases stay « non renseigné »");
            return;
        }
        for (LargeFirm firm : LARGE_FIRMS) {
            PurchaseService.Qualified qualified = purchases.qualify(firm.siret(),
                new HolderQualificationForm(firm.name(), StructureKind.COMPANY.name(), firm.size(), null, null), staff);
            if (qualified instanceof PurchaseService.Qualified.Invalid invalid) {
                throw new IllegalStateException("entreprise de démonstration refusée : " + invalid.errors());
            }
        }
    }

    /** The year of purchases as the spreadsheet import reads it. */
    String csv(LocalDate today) {
        Random random = new Random(2026);
        List<DemoSupplier> demo = suppliers.demoSuppliers();
        StringBuilder csv = new StringBuilder(String.join(";", HEADERS)).append("\r\n");
        List<DemoProgramming.Line> lines = DemoProgramming.lines();
        for (int n = 1; n <= COUNT; n++) {
            Map<String, String> row = new LinkedHashMap<>();
            LocalDate notified = today.minusDays(1 + random.nextInt(364));
            int band = random.nextInt(100);
            String reserved = "NONE";
            boolean socialClause;
            boolean environmentalClause;
            String themes = "";
            if (band < 65) {
                SmallPurchase small = SMALL.get(random.nextInt(SMALL.size()));
                int amount = small.from() + random.nextInt(small.to() - small.from());
                row.put("objet", small.object());
                row.put("direction", small.direction());
                row.put("code_cpv", small.cpv());
                row.put("montant_ht", String.valueOf(amount));
                row.put("procedure", "Marché passé sans publicité ni mise en concurrence préalable");
                row.put("forme_prix", "Forfaitaire");
                row.put("duree_mois", String.valueOf(1 + random.nextInt(3)));
                socialClause = random.nextInt(100) < 8;
                environmentalClause = random.nextInt(100) < 30;
                reserved = random.nextInt(100) < 6 ? (random.nextBoolean() ? "SIAE" : "STPA") : "NONE";
            } else {
                DemoProgramming.Line line = lines.get(random.nextInt(lines.size()));
                long estimate = Long.parseLong(line.amount().replace(" ", ""));
                long amount = Math.max(40_000, estimate * (80 + random.nextInt(40)) / 100);
                row.put("objet", line.object());
                row.put("direction", line.direction());
                row.put("code_cpv", line.cpv());
                row.put("montant_ht", String.valueOf(amount));
                row.put("procedure", amount >= 221_000 ? "Appel d'offres ouvert" : "Procédure adaptée");
                row.put("forme_prix", random.nextBoolean() ? "Unitaire" : "Mixte");
                row.put("duree_mois", String.valueOf(12 * (1 + random.nextInt(4))));
                socialClause = line.socialClause() && random.nextInt(100) < 80;
                environmentalClause = line.environmentalClause() && random.nextInt(100) < 85;
                reserved = random.nextInt(100) < 60 ? line.reserved() : "NONE";
                themes = line.themes().contains("eau") ? "eau" : line.themes().contains("réemploi") ? "économie circulaire"
                    : line.themes().contains("bio") ? "santé / alimentation" : line.themes().contains("mobilité") ? "mobilité"
                    : line.themes().isEmpty() ? "" : "biodiversité";
            }
            row.put("reference", String.format(Locale.ROOT, "DEMO-%04d", n));
            row.put("date_notification", DAY.format(notified));
            row.put("titulaires", holder(random, demo, reserved, band >= 65));
            row.put("marche_reserve", reserved.equals("NONE") ? "" : reserved);
            row.put("clause_sociale", yes(socialClause));
            row.put("critere_social", yes(socialClause && random.nextInt(100) < 30));
            row.put("clause_environnementale", yes(environmentalClause));
            row.put("critere_environnemental", yes(environmentalClause && random.nextInt(100) < 40));
            row.put("themes_environnementaux", environmentalClause ? themes : "");
            row.put("variantes", yes(random.nextInt(100) < 15));
            boolean advance = random.nextInt(100) < 35;
            row.put("avance", yes(advance));
            row.put("taux_avance", advance ? String.valueOf(5 + 5 * random.nextInt(6)) : "");
            int hours = Integer.parseInt(row.get("montant_ht")) / 60;
            row.put("heures_insertion_prevues", socialClause ? String.valueOf(hours) : "");
            row.put("heures_insertion_realisees", socialClause && notified.isBefore(today.minusMonths(3))
                ? String.valueOf(hours * (70 + random.nextInt(50)) / 100) : "");
            csv.append(HEADERS.stream().map(header -> quoted(row.getOrDefault(header, ""))).collect(Collectors.joining(";"))).append("\r\n");
        }
        return csv.toString();
    }

    /**
     * Who holds it: a demo structure of the reserved family when it is reserved; otherwise, as in a real authority's
     * purchases, a holder nobody qualified yet now and then, a large firm from outside the territory for three in ten of the
     * small purchases and half of the large ones (most of the spend), else a demo structure, mostly a company.
     */
    private static String holder(Random random, List<DemoSupplier> demo, String reserved, boolean large) {
        if (reserved.equals("NONE")) {
            int draw = random.nextInt(100);
            if (draw < (large ? 15 : 12)) {
                return DemoSupplierGenerator.siret(5_000 + random.nextInt(40));
            }
            if (draw < (large ? 65 : 42)) {
                return LARGE_FIRMS.get(random.nextInt(LARGE_FIRMS.size())).siret();
            }
        }
        String family = !reserved.equals("NONE") ? reserved : random.nextInt(100) < 75 ? "COMPANY" : null;
        Predicate<DemoSupplier> fits = supplier -> family == null
            || StructureKind.valueOf(supplier.input().kind()).family().name().equals(family);
        List<DemoSupplier> candidates = demo.stream().filter(fits).toList();
        List<DemoSupplier> pool = candidates.isEmpty() ? demo : candidates;
        return pool.get(random.nextInt(pool.size())).input().siret();
    }

    private static String yes(boolean value) {
        return value ? "oui" : "non";
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
