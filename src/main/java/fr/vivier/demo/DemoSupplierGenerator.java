package fr.vivier.demo;

import fr.vivier.directory.AreaType;
import fr.vivier.directory.CompanySize;
import fr.vivier.directory.LegalForm;
import fr.vivier.directory.StructureKind;
import fr.vivier.directory.SupplierInput;
import fr.vivier.reference.Commune;
import fr.vivier.reference.Label;
import fr.vivier.reference.Sector;
import fr.vivier.shared.TextFolding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds the demo suppliers from {@link DemoVocabulary}: the same seed gives the same structures (names,
 * SIRET, sectors…), so loading them again finds them all by SIRET and adds nothing. Only the dates move
 * with {@code today} (label expiries stay in the future, reference years in the past).
 */
final class DemoSupplierGenerator {
    static final String FICTIVE = "Structure fictive de démonstration.";
    static final String EMAIL_DOMAIN = "demo.vivier.example";
    /** SIREN 0009xxxxx: no real company has a SIREN starting with 000. */
    static final String SIREN_PREFIX = "0009";
    static final int PENDING = 10;
    static final int RECONTACT_REQUESTS = 8;
    private static final long SEED = 93_2026L;

    /** The reference data the generator draws from (communes of the territory and around, sectors, labels). */
    record Reference(List<Commune> territory, List<Commune> elsewhere, List<Sector> sectors, List<Label> labels) { }

    private final Reference reference;
    private final LocalDate today;
    private final Random random = new Random(SEED);
    private final Map<String, Sector> sectors = new LinkedHashMap<>();
    private final Map<String, List<String>> sectorsByGroup = new LinkedHashMap<>();
    private final Map<String, Label> labels = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();

    DemoSupplierGenerator(Reference reference, LocalDate today) {
        this.reference = reference;
        this.today = today;
        reference.sectors().forEach(sector -> {
            sectors.put(sector.code(), sector);
            sectorsByGroup.computeIfAbsent(sector.groupCode(), group -> new ArrayList<>()).add(sector.code());
        });
        reference.labels().forEach(label -> labels.put(label.code(), label));
    }

    List<DemoSupplier> generate() {
        List<Commune> communes = communeSlots();
        List<DemoVocabulary.KindProfile> kinds = new ArrayList<>();
        DemoVocabulary.KINDS.forEach(kind -> kinds.addAll(Collections.nCopies(kind.count(), kind)));
        Collections.shuffle(communes, random);
        Collections.shuffle(kinds, random);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < DemoVocabulary.SUPPLIERS; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        Set<Integer> pending = Set.copyOf(order.subList(0, PENDING));
        Set<Integer> recontact = Set.copyOf(order.subList(PENDING / 2, PENDING / 2 + RECONTACT_REQUESTS));
        List<DemoSupplier> suppliers = new ArrayList<>();
        for (int i = 0; i < DemoVocabulary.SUPPLIERS; i++) {
            suppliers.add(supplier(i + 1, kinds.get(i), communes.get(i), !pending.contains(i), recontact.contains(i)));
        }
        return suppliers;
    }

    /** 170 structures in the territory's communes in proportion to their population, 30 from around. */
    private List<Commune> communeSlots() {
        int inTerritory = DemoVocabulary.SUPPLIERS - DemoVocabulary.ELSEWHERE;
        long population = reference.territory().stream().mapToLong(Commune::population).sum();
        Map<Commune, Integer> counts = new LinkedHashMap<>();
        List<Commune> byRemainder = new ArrayList<>(reference.territory());
        for (Commune commune : reference.territory()) {
            counts.put(commune, (int) (inTerritory * commune.population() / population));
        }
        byRemainder.sort((a, b) -> Long.compare(inTerritory * b.population() % population, inTerritory * a.population() % population));
        int missing = inTerritory - counts.values().stream().mapToInt(Integer::intValue).sum();
        for (int i = 0; i < missing; i++) {
            counts.merge(byRemainder.get(i), 1, Integer::sum);
        }
        List<Commune> slots = new ArrayList<>();
        counts.forEach((commune, count) -> slots.addAll(Collections.nCopies(count, commune)));
        for (Commune commune : reference.elsewhere()) {
            slots.addAll(Collections.nCopies(DemoVocabulary.ELSEWHERE_COMMUNES.get(commune.code()), commune));
        }
        return slots;
    }

    private DemoSupplier supplier(int number, DemoVocabulary.KindProfile profile, Commune commune, boolean publish, boolean recontact) {
        LegalForm legalForm = pick(profile.legalForms());
        CompanySize size = size(legalForm, pick(profile.sizes()));
        List<String> sectorCodes = sectors(profile);
        String mainSector = sectorCodes.get(Math.min(profile.mandatorySectors().size(), sectorCodes.size() - 1));
        DemoVocabulary.GroupWords words = DemoVocabulary.GROUPS.get(sectors.get(mainSector).groupCode());
        String name = uniqueName(profile, words, commune, legalForm);
        List<SupplierInput.AreaInput> areas = areas(commune);
        List<SupplierInput.LabelInput> labelInputs = labels(profile, words);
        List<String> verified = labelInputs.stream().map(SupplierInput.LabelInput::code)
            .filter(code -> publish && random.nextInt(100) < 40).toList();
        List<String> offers = offers(sectorCodes);
        boolean woman = random.nextBoolean();
        String contactName = pick(woman ? DemoVocabulary.WOMEN_FIRST_NAMES : DemoVocabulary.MEN_FIRST_NAMES) + " "
            + pick(DemoVocabulary.LAST_NAMES);
        String[] role = pick(profile.roles()).split("\\|");
        SupplierInput.ContactInput contact = new SupplierInput.ContactInput(contactName, role[woman ? role.length - 1 : 0],
            email(contactName, number), random.nextInt(100) < 75 ? phone() : null);
        SupplierInput.ConsentsInput consents = new SupplierInput.ConsentsInput(random.nextInt(100) < 85,
            recontact || random.nextInt(100) < 80, random.nextInt(100) < 60);
        SupplierInput input = new SupplierInput(siret(number), name + " (fictif)", tradeName(name), legalForm.name(), size.name(),
            profile.kind().name(), commune.code(), areas, sectorCodes, labelInputs,
            description(profile.kind(), legalForm, size, commune, sectorCodes, areas), offers, references(offers),
            random.nextBoolean() ? website(name) : null, contact, consents,
            recontact ? recontactRequest(sectorCodes, offers) : null);
        return new DemoSupplier(input, publish, verified);
    }

    /** One-person forms stay small, a société anonyme is not a micro-business. */
    private static CompanySize size(LegalForm legalForm, CompanySize drawn) {
        return switch (legalForm) {
            case EI, EURL, SASU -> CompanySize.TPE;
            case SA -> drawn == CompanySize.TPE ? CompanySize.PME : drawn;
            default -> drawn == CompanySize.ETI && legalForm != LegalForm.SAS ? CompanySize.PME : drawn;
        };
    }

    /** A SIREN and a SIRET that both pass the Luhn check, numbered from 000900011 and head-office NIC 0001x. */
    static String siret(int number) {
        String siren = withLuhnDigit(SIREN_PREFIX + String.format(Locale.ROOT, "%04d", number));
        return withLuhnDigit(siren + "0001");
    }

    private static String withLuhnDigit(String payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            int digit = payload.charAt(payload.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return payload + (10 - sum % 10) % 10;
    }

    /**
     * The kind's mandatory sectors, then one from its pool, then a few more: an ordinary company stays in its
     * trade (same group); social-economy structures often run several activities (ESAT: conditionnement,
     * espaces verts, blanchisserie…), so they also draw from their pool.
     */
    private List<String> sectors(DemoVocabulary.KindProfile profile) {
        List<String> pool = new ArrayList<>();
        for (String entry : profile.sectorPool()) {
            pool.addAll(sectorsByGroup.getOrDefault(entry, sectors.containsKey(entry) ? List.of(entry) : List.of()));
        }
        Set<String> chosen = new LinkedHashSet<>(profile.mandatorySectors());
        String main = pick(pool);
        chosen.add(main);
        int wanted = Math.max(chosen.size(), pick(List.of(1, 1, 1, 2, 2, 2, 3, 3, 4)));
        for (int attempt = 0; chosen.size() < wanted && attempt < 20; attempt++) {
            boolean sameTrade = !profile.kind().impliesEss() || random.nextInt(100) < 60;
            chosen.add(sameTrade ? pick(sectorsByGroup.get(sectors.get(main).groupCode())) : pick(pool));
        }
        return List.copyOf(chosen);
    }

    private String uniqueName(DemoVocabulary.KindProfile profile, DemoVocabulary.GroupWords words, Commune commune, LegalForm legalForm) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String name = pick(profile.nameTemplates())
                .replace("{brand}", pick(words.brands()))
                .replace("{trade}", words.trade())
                .replace("{place}", pick(DemoVocabulary.PLACES.getOrDefault(commune.code(), DemoVocabulary.TERRITORY_PLACES)))
                .replace("{commune}", commune.name())
                .replace("{deCommune}", of(commune.name()))
                .replace("{surname}", pick(DemoVocabulary.LAST_NAMES))
                .replace("{legal}", legalForm.name());
            if (names.add(name)) {
                return name;
            }
        }
        throw new IllegalStateException("pas assez de vocabulaire pour des noms uniques (" + profile.kind() + ")");
    }

    /** One structure in five goes by its initials, like many SMEs (« BPS » for « Bobigny Propreté Services »). */
    private String tradeName(String name) {
        if (random.nextInt(100) >= 20) {
            return null;
        }
        StringBuilder initials = new StringBuilder();
        for (String word : name.split("[ \\-’']+")) {
            if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
                initials.append(ascii(word.substring(0, 1)).toUpperCase(Locale.ROOT));
            }
        }
        return initials.length() < 2 ? null : initials + " (fictif)";
    }

    /** Own commune, the territory, the département, sometimes the region or the whole country. */
    private List<SupplierInput.AreaInput> areas(Commune commune) {
        boolean local = DemoVocabulary.EPT_CODE.equals(commune.eptCode());
        List<SupplierInput.AreaInput> areas = new ArrayList<>();
        int draw = random.nextInt(100);
        if (draw < 50 || !local) {
            areas.add(area(AreaType.COMMUNE, commune.code()));
        }
        if (draw >= 15 && draw < 80 || !local) {
            areas.add(area(AreaType.EPCI, DemoVocabulary.EPT_CODE));
        }
        if (draw >= 50 && draw < 95) {
            areas.add(area(AreaType.DEPARTEMENT, DemoVocabulary.DEPARTEMENT));
            if (!DemoVocabulary.DEPARTEMENT.equals(commune.departementCode())) {
                areas.add(area(AreaType.DEPARTEMENT, commune.departementCode()));
            }
        }
        if (draw >= 80 && draw < 95) {
            areas.add(area(AreaType.REGION, DemoVocabulary.REGION));
        }
        if (draw >= 95) {
            areas.add(area(AreaType.NATIONAL, "FR"));
        }
        return areas;
    }

    private static SupplierInput.AreaInput area(AreaType type, String code) {
        return new SupplierInput.AreaInput(type.name(), code);
    }

    private List<SupplierInput.LabelInput> labels(DemoVocabulary.KindProfile profile, DemoVocabulary.GroupWords words) {
        Set<String> candidates = new LinkedHashSet<>(words.labels());
        candidates.addAll(profile.labels());
        candidates.retainAll(labels.keySet());
        Set<String> chosen = new LinkedHashSet<>();
        if (profile.kind() == StructureKind.ESUS && labels.containsKey("agrement-esus")) {
            chosen.add("agrement-esus");
        }
        int wanted = Math.min(candidates.size(), Math.max(chosen.size(), pick(List.of(0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3))));
        List<String> ordered = List.copyOf(candidates);
        for (int attempt = 0; chosen.size() < wanted && attempt < 20; attempt++) {
            chosen.add(pick(ordered));
        }
        return chosen.stream().map(code -> new SupplierInput.LabelInput(code, proof(code), expiry(labels.get(code)))).toList();
    }

    private String proof(String code) {
        String number = String.format(Locale.ROOT, "%05d", random.nextInt(100_000));
        return random.nextBoolean() ? "N° DEMO-" + number : "https://certificats." + EMAIL_DOMAIN + "/" + code + "/" + number;
    }

    private String expiry(Label label) {
        if (!label.canExpire() || random.nextInt(100) < 10) {
            return null;
        }
        return today.plusDays(90 + random.nextInt(1000)).toString();
    }

    private List<String> offers(List<String> sectorCodes) {
        List<String> vocabulary = new ArrayList<>();
        for (String code : sectorCodes) {
            for (String offer : DemoVocabulary.GROUPS.get(sectors.get(code).groupCode()).offers()) {
                if (!vocabulary.contains(offer)) {
                    vocabulary.add(offer);
                }
            }
        }
        Set<String> offers = new LinkedHashSet<>();
        int wanted = 1 + random.nextInt(Math.min(5, vocabulary.size()));
        while (offers.size() < wanted) {
            offers.add(pick(vocabulary));
        }
        return List.copyOf(offers);
    }

    private List<SupplierInput.ReferenceInput> references(List<String> offers) {
        List<SupplierInput.ReferenceInput> references = new ArrayList<>();
        int count = pick(List.of(0, 0, 1, 1, 2, 3));
        for (int i = 0; i < count; i++) {
            references.add(new SupplierInput.ReferenceInput(pick(DemoVocabulary.CLIENTS),
                String.valueOf(today.getYear() - 1 - random.nextInt(5)), pick(offers)));
        }
        return references;
    }

    private String description(StructureKind kind, LegalForm legalForm, CompanySize size, Commune commune, List<String> sectorCodes,
                               List<SupplierInput.AreaInput> areas) {
        List<String> activities = sectorCodes.stream().map(code -> lowerFirst(sectors.get(code).label())).toList();
        return String.join(" ", introduction(kind, legalForm, size, commune),
            "Nos activités : " + String.join(" ; ", activities) + ".",
            "Nous intervenons " + reach(areas, commune) + ".",
            pick(DemoVocabulary.CLIENTS_SENTENCES), FICTIVE);
    }

    private String introduction(StructureKind kind, LegalForm legalForm, CompanySize size, Commune commune) {
        String at = at(commune.name());
        int since = 1985 + random.nextInt(today.getYear() - 1985);
        return switch (kind) {
            case EI -> "Entreprise d’insertion conventionnée installée " + at + " depuis " + since
                + ", qui salarie et forme des personnes éloignées de l’emploi.";
            case AI -> "Association intermédiaire " + of(commune.name()) + " : nous mettons à disposition des salariés en parcours "
                + "d’insertion auprès des collectivités, des entreprises et des particuliers.";
            case ACI -> "Atelier et chantier d’insertion porté par une association " + of(commune.name()) + ", qui accompagne "
                + (12 + random.nextInt(30)) + " salariés en parcours vers un emploi durable.";
            case ETTI -> "Entreprise de travail temporaire d’insertion installée " + at
                + " : des missions d’intérim accompagnées pour des personnes en parcours d’insertion.";
            case EITI -> "Entreprise d’insertion par le travail indépendant qui accompagne des travailleurs indépendants "
                + "vers une activité durable.";
            case GEIQ -> "Groupement d’employeurs pour l’insertion et la qualification : nous recrutons et formons en alternance "
                + "pour nos entreprises adhérentes.";
            case ESAT -> "Établissement et service d’accompagnement par le travail (ESAT) " + of(commune.name()) + ", où "
                + (30 + random.nextInt(90)) + " travailleurs en situation de handicap exercent une activité professionnelle "
                + "avec un accompagnement médico-social.";
            case EA -> "Entreprise adaptée " + of(commune.name()) + " : " + (15 + random.nextInt(60))
                + " salariés, dont une large majorité de travailleurs en situation de handicap.";
            case EATT -> "Entreprise adaptée de travail temporaire : des missions d’intérim pour des travailleurs en situation de handicap.";
            case ASSOCIATION -> "Association loi 1901 créée en " + since + " " + at + ".";
            case COOPERATIVE -> (legalForm == LegalForm.SCIC ? "Société coopérative d’intérêt collectif (SCIC)"
                : "Société coopérative et participative (SCOP)") + " installée " + at + " : nos salariés sont aussi associés de l’entreprise.";
            case MUTUELLE -> "Mutuelle à but non lucratif présente " + at + " depuis " + since + ".";
            case FONDATION -> "Fondation qui gère des services et des établissements " + at + " et dans les communes voisines.";
            case ESUS -> "Entreprise agréée ESUS (entreprise solidaire d’utilité sociale) installée " + at
                + " : nos bénéfices sont majoritairement réinvestis dans notre projet.";
            case COMPANY -> "Entreprise de " + staff(size) + " salariés installée " + at + " depuis " + since + ".";
        };
    }

    private int staff(CompanySize size) {
        return switch (size) {
            case TPE -> 2 + random.nextInt(8);
            case PME -> 10 + random.nextInt(110);
            case ETI -> 250 + random.nextInt(700);
            case GE -> 5000 + random.nextInt(5000);
        };
    }

    private static String reach(List<SupplierInput.AreaInput> areas, Commune commune) {
        Set<String> types = new HashSet<>();
        areas.forEach(area -> types.add(area.type()));
        if (types.contains(AreaType.NATIONAL.name())) {
            return "dans toute la France";
        }
        if (types.contains(AreaType.REGION.name())) {
            return "dans toute l’Île-de-France";
        }
        if (types.contains(AreaType.DEPARTEMENT.name())) {
            return "en Seine-Saint-Denis";
        }
        if (types.contains(AreaType.EPCI.name())) {
            return "sur le territoire d’" + DemoVocabulary.EPT_NAME;
        }
        return at(commune.name()) + " et dans les quartiers voisins";
    }

    private String email(String contactName, int number) {
        String local = ascii(contactName).toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".");
        return local + "." + String.format(Locale.ROOT, "%03d", number) + "@" + EMAIL_DOMAIN;
    }

    /** Numbers the ARCEP reserves for fiction (01 99 00 xx xx, 06 39 98 xx xx): they ring nobody. */
    private String phone() {
        String prefix = random.nextBoolean() ? "01 99 00" : "06 39 98";
        return String.format(Locale.ROOT, "%s %02d %02d", prefix, random.nextInt(100), random.nextInt(100));
    }

    private static String website(String name) {
        String slug = ascii(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "https://" + (slug.length() > 50 ? slug.substring(0, 50).replaceAll("-$", "") : slug) + "." + EMAIL_DOMAIN;
    }

    private SupplierInput.RecontactInput recontactRequest(List<String> sectorCodes, List<String> offers) {
        String sector = lowerFirst(sectors.get(sectorCodes.get(sectorCodes.size() - 1)).label());
        return new SupplierInput.RecontactInput("Présenter nos prestations : " + sector,
            "Bonjour, nous aimerions rencontrer les acheteurs de la collectivité pour présenter notre offre ("
                + lowerFirst(pick(offers)) + "). Nous pouvons répondre à des achats de moins de 40 000 € HT "
                + "et travailler en cotraitance. Message fictif de démonstration.");
    }

    /** « de Montreuil », « du Pré-Saint-Gervais », « des Lilas », « d’Aubervilliers ». */
    static String of(String commune) {
        if (commune.startsWith("Le ")) {
            return "du " + commune.substring(3);
        }
        if (commune.startsWith("Les ")) {
            return "des " + commune.substring(4);
        }
        if (commune.startsWith("La ")) {
            return "de la " + commune.substring(3);
        }
        if (commune.startsWith("L'") || commune.startsWith("L’")) {
            return "de l’" + commune.substring(2);
        }
        return "AEIOUÉÎ".indexOf(commune.charAt(0)) >= 0 ? "d’" + commune : "de " + commune;
    }

    /** « à Montreuil », « au Pré-Saint-Gervais », « aux Lilas ». */
    static String at(String commune) {
        if (commune.startsWith("Le ")) {
            return "au " + commune.substring(3);
        }
        if (commune.startsWith("Les ")) {
            return "aux " + commune.substring(4);
        }
        return "à " + commune;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.FRENCH) + text.substring(1);
    }

    private static String ascii(String text) {
        return TextFolding.fold(text);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
