package fr.vivier.indicators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.directory.TestSuppliers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Aix-en-Provence's purchases of 2022 as records, so that the portal's figures can be checked against the SPASER's own
 * (seed 000, « quelques chiffres (2022) »): 56 M€ HT of purchases, 52 % of contracts with an environmental consideration,
 * 13 % with a social one, 48 % of purchases from firms of the Pays d'Aix, 600 000 € with social and solidarity
 * enterprises. Nothing here writes those figures into the portal: the fixture is 100 contracts in the official DECP 2.0
 * format (every field the schema requires) and the 25 structures that hold them, registered in the directory with their
 * kind, size and commune. The portal freezes each holder's ESS and « sur notre territoire » at import and computes the
 * rest. Deterministic (seeded, fixed SIRETs), so that importing it again changes nothing.
 */
final class AixFixture {
    static final int YEAR = 2022;
    static final String BUYER = "21130001700000";
    static final BigDecimal TOTAL = new BigDecimal("56000000");
    static final BigDecimal LOCAL = new BigDecimal("26880000");
    static final BigDecimal ESS = new BigDecimal("600000");
    static final int CONTRACTS = 100;
    static final int ENVIRONMENTAL = 52;
    static final int SOCIAL = 13;

    /** The 36 communes of the Pays d'Aix (conseil de territoire of the Métropole Aix-Marseille-Provence): the « territoire ». */
    static final String PAYS_D_AIX = "13001,13012,13015,13019,13025,13118,13032,13040,13041,13046,13048,13050,13080,13109,13071,13059,"
        + "13060,13062,84089,13072,13074,13079,13082,13087,13090,13091,13093,13095,13099,13107,13110,13111,13113,13114,13117,13084";

    /** A structure of the directory holding some of the contracts. */
    record Holder(String siret, String name, String kind, String legalForm, String size, String commune, boolean local, String sector,
                  String activity, String cpv) {
        boolean ess() {
            return !kind.equals("COMPANY");
        }
    }

    /** One contract as the fixture writes it, before it is turned into DECP. */
    record Contract(String id, String object, String cpv, LocalDate notifiedOn, long amount, Holder holder, List<String> social,
                    List<String> environmental) {
        boolean hasSocial() {
            return !social.isEmpty();
        }

        boolean hasEnvironmental() {
            return !environmental.isEmpty();
        }
    }

    /** Where the city's works and services take place, so that objects read like a city's contracts. */
    private static final List<String> SITES = List.of("place d’Albertas", "bibliothèque Méjanes", "quartier du Jas de Bouffan",
        "groupe scolaire des Milles", "stade Carcassonne", "hôtel de ville", "parc Jourdan", "quartier d’Encagnane",
        "centre sportif du Val de l’Arc", "écoles du centre historique");

    private final List<Holder> holders;
    private final List<Contract> contracts;

    private AixFixture(List<Holder> holders, List<Contract> contracts) {
        this.holders = holders;
        this.contracts = contracts;
    }

    static AixFixture build() {
        List<Holder> holders = directoryHolders();
        Holder insertion = holders.get(0);
        Holder esat = holders.get(1);
        Holder scop = holders.get(2);
        List<Holder> localCompanies = holders.stream().filter(h -> !h.ess() && h.local()).toList();
        List<Holder> otherCompanies = holders.stream().filter(h -> !h.ess() && !h.local()).toList();
        Random random = new Random(YEAR);
        List<Contract> contracts = new ArrayList<>();
        // « marchés d'insertion pour l'entretien des sites sportifs et des espaces verts »; 600 000 € with the ESS in all
        contracts.add(contract(contracts, "Entretien des espaces verts des sites sportifs", "77313000", 250_000, insertion,
            List.of("Marché réservé"), random));
        contracts.add(contract(contracts, "Entretien des espaces verts des parcs urbains", "77311000", 150_000, insertion,
            List.of("Marché réservé"), random));
        contracts.add(contract(contracts, "Blanchisserie des vêtements de travail", "98311000", 120_000, esat,
            List.of("Marché réservé"), random));
        contracts.add(contract(contracts, "Conception et impression du magazine municipal", "79810000", 80_000, scop, List.of(), random));
        // the companies: 48 contracts with firms of the Pays d'Aix, 48 with others, to the euro of the seed's shares
        BigDecimal localEss = new BigDecimal(250_000 + 150_000 + 120_000);
        long localCompaniesTotal = LOCAL.subtract(localEss).longValueExact();
        long otherCompaniesTotal = TOTAL.subtract(LOCAL).subtract(new BigDecimal(80_000)).longValueExact();
        List<Long> local = apportion(localCompaniesTotal, 48, random);
        List<Long> other = apportion(otherCompaniesTotal, 48, random);
        for (int i = 0; i < 48; i++) {
            contracts.add(company(contracts, local.get(i), localCompanies.get(i % localCompanies.size()), random));
            contracts.add(company(contracts, other.get(i), otherCompanies.get(i % otherCompanies.size()), random));
        }
        return new AixFixture(holders, considerations(contracts, random));
    }

    /**
     * 13 contracts with a social consideration (the 3 reserved ones and 10 companies' contracts with an insertion clause)
     * and 52 with an environmental one, drawn with the fixture's seed.
     */
    private static List<Contract> considerations(List<Contract> contracts, Random random) {
        List<Integer> companies = new ArrayList<>(IntStream.range(4, contracts.size()).boxed().toList());
        Collections.shuffle(companies, random);
        Set<Integer> insertionClauses = Set.copyOf(companies.subList(0, SOCIAL - 3));
        List<Integer> all = new ArrayList<>(IntStream.range(0, contracts.size()).boxed().toList());
        Collections.shuffle(all, random);
        Set<Integer> environmental = Set.copyOf(all.subList(0, ENVIRONMENTAL));
        List<Contract> result = new ArrayList<>();
        for (int i = 0; i < contracts.size(); i++) {
            Contract c = contracts.get(i);
            List<String> social = insertionClauses.contains(i) ? List.of("Clause sociale") : c.social();
            List<String> env = environmental.contains(i)
                ? List.of(random.nextInt(3) == 0 ? "Critère environnemental" : "Clause environnementale") : List.of();
            result.add(new Contract(c.id(), c.object(), c.cpv(), c.notifiedOn(), c.amount(), c.holder(), social, env));
        }
        return result;
    }

    /** {@code total} € in {@code parts} amounts of at least 40 000 €, in hundreds of euros, spread like a city's contracts. */
    private static List<Long> apportion(long total, int parts, Random random) {
        double[] weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = Math.exp(random.nextGaussian() * 1.1);
            sum += weights[i];
        }
        long floor = 40_000;
        long spread = total - floor * parts;
        List<Long> amounts = new ArrayList<>();
        long given = 0;
        for (int i = 0; i < parts - 1; i++) {
            long amount = floor + (long) (spread * weights[i] / sum) / 100 * 100;
            amounts.add(amount);
            given += amount;
        }
        amounts.add(total - given);
        return amounts;
    }

    private static Contract company(List<Contract> made, long amount, Holder holder, Random random) {
        String object = holder.activity() + " — " + SITES.get(random.nextInt(SITES.size()));
        return contract(made, object, holder.cpv(), amount, holder, List.of(), random);
    }

    private static Contract contract(List<Contract> made, String object, String cpv, long amount, Holder holder, List<String> social,
                                     Random random) {
        String id = String.format(Locale.ROOT, "AIX22-%03d", made.size() + 1);
        LocalDate notified = LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(365));
        return new Contract(id, object, cpv, notified, amount, holder, social, List.of());
    }

    /** Three ESS structures (two in the Pays d'Aix) and 22 companies, 11 of them in the Pays d'Aix. */
    private static List<Holder> directoryHolders() {
        List<Holder> holders = new ArrayList<>();
        holders.add(holder(holders, "ESS", "Chantier d’insertion Sainte-Victoire|ACI|ASSOCIATION|TPE|13001|espaces-verts-entretien"));
        holders.add(holder(holders, "ESS", "ESAT du Pays de Gardanne|ESAT|ASSOCIATION|PME|13041|blanchisserie-linge"));
        holders.add(holder(holders, "ESS", "Imprimerie coopérative de la Joliette|COOPERATIVE|SCOP|PME|13055|communication-imprimerie"));
        String[] local = {
            "Bâtiments du Montaiguet|PME|13001|btp-maconnerie|Travaux de maçonnerie et de restauration|45262500",
            "Provence Voirie|ETI|13041|btp-vrd|Réfection de voirie et de réseaux|45233141",
            "Électricité de l’Arc|PME|13113|second-oeuvre-electricite|Travaux d’électricité et d’éclairage public|45316110",
            "Menuiseries de Pertuis|PME|84089|second-oeuvre-menuiserie|Menuiseries extérieures|45421000",
            "Toitures du Pays d’Aix|TPE|13110|btp-charpente-couverture|Réfection de toitures|45261000",
            "Net’Aix Propreté|PME|13001|proprete-locaux|Nettoyage des bâtiments communaux|90919200",
            "Restauration du Luberon|PME|13050|restauration-collective|Denrées de la restauration scolaire|15000000",
            "Chauffage Venellois|PME|13113|second-oeuvre-cvc|Maintenance des installations de chauffage|50720000",
            "Bureautique des Milles|TPE|13001|fournitures-bureau|Fournitures de bureau|30192000",
            "Sécurité Vitrollaise|PME|13117|securite-gardiennage|Gardiennage et surveillance|79713000",
            "Élagage du Tholonet|TPE|13109|espaces-verts-elagage|Élagage des arbres d’alignement|77211400"};
        for (String company : local) {
            holders.add(holder(holders, "LOCAL", company));
        }
        String[] other = {
            "Travaux Publics Méditerranée|GE|13055|btp-vrd|Aménagement de voirie|45233140",
            "Rénovation Phocéenne|ETI|13055|btp-maconnerie|Réhabilitation de bâtiments|45454000",
            "Énergies du Sud|ETI|13103|second-oeuvre-cvc|Rénovation énergétique|45321000",
            "Façades de Provence|PME|83137|second-oeuvre-peinture|Ravalement de façades|45443000",
            "Éclairage Rhône-Alpes|GE|69123|second-oeuvre-electricite|Modernisation de l’éclairage public|45316100",
            "Propreté Nationale|GE|75056|proprete-locaux|Nettoyage des équipements sportifs|90911200",
            "Restauration Collective de France|GE|92050|restauration-collective|Repas des centres de loisirs|55523100",
            "Bureau Service Méditerranée|PME|13055|fournitures-bureau|Papier et consommables d’impression|30197000",
            "Gardiennage Azur|ETI|06088|securite-gardiennage|Sécurité des manifestations|79710000",
            "Véhicules Propres de France|GE|69123|mobilite-vehicules|Véhicules utilitaires électriques|34144900",
            "Climatisation Marseillaise|PME|13055|second-oeuvre-cvc|Maintenance de la climatisation|50730000"};
        for (String company : other) {
            holders.add(holder(holders, "OTHER", company));
        }
        return holders;
    }

    /** ESS: « name|kind|legal form|size|commune|sector »; companies: « name|size|commune|sector|activity|CPV ». */
    private static Holder holder(List<Holder> made, String group, String line) {
        String[] f = line.split("\\|");
        String siret = siret(made.size() + 1);
        if (group.equals("ESS")) {
            return new Holder(siret, f[0], f[1], f[2], f[3], f[4], PAYS_D_AIX.contains(f[4]), f[5], "", "");
        }
        return new Holder(siret, f[0], "COMPANY", "SAS", f[1], f[2], group.equals("LOCAL"), f[3], f[4], f[5]);
    }

    /** Fixed, valid SIRETs of the fixture's own (« 42022… »), so that a second import finds the same holders. */
    static String siret(int n) {
        String base = "42022" + String.format(Locale.ROOT, "%08d", n);
        for (int check = 0; check < 10; check++) {
            if (luhn(base + check)) {
                return base + check;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    List<Holder> holders() {
        return holders;
    }

    List<Contract> contracts() {
        return contracts;
    }

    /** Registers and publishes the holders not yet in the directory (a second run finds them by SIRET). */
    void register(DirectoryService directory) {
        for (Holder holder : holders) {
            TestSuppliers.Draft draft = new TestSuppliers.Draft();
            draft.siret = holder.siret();
            draft.name = holder.name();
            draft.kind = holder.kind();
            draft.legalForm = holder.legalForm();
            draft.size = holder.size();
            draft.communeCode = holder.commune();
            draft.areas = new ArrayList<>(List.of(new SupplierInput.AreaInput("DEPARTEMENT", holder.commune().substring(0, 2))));
            draft.sectors = new ArrayList<>(List.of(holder.sector()));
            draft.description = holder.name() + " : titulaire de marchés de la Ville d’Aix-en-Provence en 2022.";
            if (directory.register(draft.toInput(), DirectoryService.ACTOR_SUPPLIER)
                instanceof DirectoryService.RegistrationResult.Registered registered) {
                directory.changeStatus(registered.supplier().id(), SupplierStatus.PUBLISHED, null, "test");
            }
        }
    }

    /** The contracts as a DECP 2.0 file ({@code {"marches": {"marche": [...]}}}), every field the schema requires. */
    String decp() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode file = mapper.createObjectNode();
        ArrayNode marches = file.putObject("marches").putArray("marche");
        for (Contract contract : contracts) {
            boolean works = contract.cpv().startsWith("45");
            ObjectNode marche = marches.addObject();
            marche.put("id", contract.id());
            marche.putObject("acheteur").put("id", BUYER);
            marche.put("nature", "Marché");
            marche.put("objet", contract.object());
            marche.put("codeCPV", contract.cpv());
            marche.putObject("techniques").putArray("technique").add(works ? "Sans objet" : "Accord-cadre");
            marche.putObject("modalitesExecution").putArray("modaliteExecution").add(works ? "Tranches" : "Bons de commande");
            marche.put("marcheInnovant", false);
            marche.put("ccag", works ? "Travaux" : "Fournitures courantes et services");
            marche.put("offresRecues", 2 + (int) (contract.amount() % 5));
            marche.put("attributionAvance", false);
            marche.put("typeGroupementOperateurs", "Pas de groupement");
            marche.put("procedure", procedure(contract.amount(), works));
            ObjectNode place = marche.putObject("lieuExecution");
            place.put("code", "13001");
            place.put("typeCode", "Code commune");
            marche.put("dureeMois", works ? 12 : 36);
            marche.put("dateNotification", contract.notifiedOn().toString());
            marche.put("datePublicationDonnees", contract.notifiedOn().plusDays(20).toString());
            marche.put("montant", contract.amount());
            marche.putObject("typesPrix").putArray("typePrix").add(works ? "Définitif révisable" : "Définitif ferme");
            marche.put("formePrix", works ? "Forfaitaire" : "Unitaire");
            marche.put("sousTraitanceDeclaree", false);
            ObjectNode holder = marche.putArray("titulaires").addObject().putObject("titulaire");
            holder.put("id", contract.holder().siret());
            holder.put("typeIdentifiant", "SIRET");
            ArrayNode social = marche.putObject("considerationsSociales").putArray("considerationSociale");
            (contract.hasSocial() ? contract.social() : List.of("Pas de considération sociale")).forEach(social::add);
            ArrayNode env = marche.putObject("considerationsEnvironnementales").putArray("considerationEnvironnementale");
            (contract.hasEnvironmental() ? contract.environmental() : List.of("Pas de considération environnementale")).forEach(env::add);
        }
        return file.toPrettyString();
    }

    /** The 2022 thresholds: formal procedure from 215 000 € HT (supplies and services) or 5 382 000 € HT (works). */
    private static String procedure(long amount, boolean works) {
        return amount >= (works ? 5_382_000 : 215_000) ? "Appel d'offres ouvert" : "Procédure adaptée";
    }
}
