package fr.vivier.bench;

import fr.vivier.directory.StructureKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Fictitious but realistic suppliers: a commune drawn by population, sectors of one main group (sometimes a
 * second), labels, an intervention area around the commune, and a French description and offers built from
 * the sector and NAF wording. The same seed gives the same suppliers.
 */
final class SupplierGenerator {
    record Label(String code, String expiresOn, boolean verified) { }

    record Area(String type, String code) { }

    record Generated(String siret, String name, String tradeName, String legalForm, String size, StructureKind kind,
                     Reference.Commune commune, List<String> sectors, List<Label> labels, List<Area> areas,
                     String description, List<String> offers, boolean published) { }

    private static final String[] PREFIXES = {"Atelier", "Les Ateliers", "Coop", "Régie", "Maison", "Compagnie", "Collectif",
        "Réseau", "Solidarité", "Les Compagnons", "Cap", "Horizon", "Envol", "Passerelle", "Tremplin", "Ressources"};
    private static final String[] OPENINGS = {
        "Implantée à %s, notre structure intervient dans le domaine suivant : %s.",
        "Depuis plus de dix ans à %s, nous proposons aux collectivités et aux entreprises : %s.",
        "Structure basée à %s, spécialisée en %s."};
    private static final String[] MIDDLES = {
        "Nos équipes assurent également %s, avec un encadrement technique qualifié.",
        "Nous réalisons aussi des prestations de %s pour les marchés publics de moins de 40 000 € HT.",
        "Activités complémentaires : %s."};
    private static final String[] CLOSINGS = {
        "Nous accompagnons des personnes éloignées de l'emploi vers une insertion durable.",
        "Démarche qualité, circuits courts et réduction des déchets font partie de nos engagements.",
        "Devis gratuit, intervention rapide sur l'ensemble du territoire.",
        "Nous travaillons avec de nombreux acheteurs publics et des bailleurs sociaux."};
    private static final StructureKind[] KINDS = StructureKind.values();
    private static final int[] KIND_WEIGHTS = {8, 5, 8, 3, 1, 2, 8, 6, 1, 12, 6, 1, 1, 3, 35};
    private static final String[] SIZES = {"TPE", "PME", "ETI", "GE"};
    private static final int[] SIZE_WEIGHTS = {60, 30, 8, 2};

    private final Reference reference;
    private final Random random;
    private final List<String> groups;

    SupplierGenerator(Reference reference, long seed) {
        this.reference = reference;
        this.random = new Random(seed);
        this.groups = List.copyOf(reference.sectorsByGroup.keySet());
    }

    Generated next(long sequence) {
        Reference.Commune commune = reference.commune(random);
        StructureKind kind = KINDS[weighted(KIND_WEIGHTS)];
        List<Reference.Sector> sectors = sectors();
        Reference.Sector main = sectors.get(0);
        String keyword = capitalise(shortLabel(main.label()));
        String name = PREFIXES[random.nextInt(PREFIXES.length)] + " " + keyword
            + (random.nextBoolean() ? " de " + commune.name() : " " + surname());
        String tradeName = random.nextInt(10) < 3 ? acronym(name) : null;
        return new Generated(siret(sequence), name, tradeName, legalForm(kind), SIZES[weighted(SIZE_WEIGHTS)], kind, commune,
            sectors.stream().map(Reference.Sector::code).toList(), labels(), areas(commune), description(commune, sectors),
            offers(sectors), random.nextInt(100) != 0);
    }

    private List<Reference.Sector> sectors() {
        Set<Reference.Sector> chosen = new LinkedHashSet<>();
        List<Reference.Sector> group = reference.sectorsByGroup.get(groups.get(random.nextInt(groups.size())));
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            chosen.add(group.get(random.nextInt(group.size())));
        }
        if (random.nextInt(5) == 0) {
            chosen.add(reference.sectors.get(random.nextInt(reference.sectors.size())));
        }
        return List.copyOf(chosen);
    }

    private List<Label> labels() {
        int count = random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 7 ? 1 : 2;
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Reference.Label label = reference.labels.get(random.nextInt(reference.labels.size()));
            if (labels.stream().noneMatch(l -> l.code().equals(label.code()))) {
                String expires = label.canExpire() ? (random.nextInt(20) == 0 ? "2024-06-30" : (2027 + random.nextInt(3)) + "-12-31") : null;
                labels.add(new Label(label.code(), expires, random.nextBoolean()));
            }
        }
        return labels;
    }

    private List<Area> areas(Reference.Commune commune) {
        int draw = random.nextInt(100);
        List<Area> areas = new ArrayList<>();
        if (draw < 30) {
            areas.add(new Area("COMMUNE", commune.code()));
        } else if (draw < 55 && (commune.epci() != null || commune.ept() != null)) {
            areas.add(new Area("EPCI", commune.ept() != null ? commune.ept() : commune.epci()));
        } else if (draw < 85) {
            areas.add(new Area("DEPARTEMENT", commune.departement()));
        } else if (draw < 95) {
            areas.add(new Area("REGION", commune.region()));
        } else {
            areas.add(new Area("NATIONAL", "FR"));
        }
        if (random.nextInt(5) == 0 && !"NATIONAL".equals(areas.get(0).type())) {
            Reference.Commune other = reference.commune(random);
            areas.add(new Area("DEPARTEMENT", other.departement()));
        }
        return areas.stream().distinct().toList();
    }

    private String description(Reference.Commune commune, List<Reference.Sector> sectors) {
        Reference.Sector main = sectors.get(0);
        StringBuilder text = new StringBuilder(String.format(Locale.FRENCH, OPENINGS[random.nextInt(OPENINGS.length)],
            commune.name(), lower(main.label())));
        List<String> wording = new ArrayList<>();
        sectors.stream().skip(1).forEach(s -> wording.add(lower(s.label())));
        sectors.forEach(s -> s.nafLabels().forEach(l -> wording.add(lower(l))));
        if (!wording.isEmpty()) {
            text.append(' ').append(String.format(Locale.FRENCH, MIDDLES[random.nextInt(MIDDLES.length)],
                wording.get(random.nextInt(wording.size()))));
        }
        text.append(' ').append(CLOSINGS[random.nextInt(CLOSINGS.length)]);
        return text.toString();
    }

    private List<String> offers(List<Reference.Sector> sectors) {
        List<String> offers = new ArrayList<>();
        for (Reference.Sector sector : sectors) {
            if (random.nextBoolean()) {
                offers.add(capitalise(shortLabel(sector.label())));
            }
        }
        return offers;
    }

    private String legalForm(StructureKind kind) {
        return switch (kind) {
            case AI, ACI, ASSOCIATION, GEIQ, ESAT -> "ASSOCIATION";
            case COOPERATIVE -> random.nextBoolean() ? "SCOP" : "SCIC";
            case MUTUELLE -> "MUTUELLE";
            case FONDATION -> "FONDATION";
            case EITI -> "EI";
            default -> random.nextBoolean() ? "SAS" : "SARL";
        };
    }

    private String surname() {
        String[] names = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
            "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Fontaine", "Chevalier", "Rousseau", "Blanc", "Guérin"};
        return names[random.nextInt(names.length)];
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** The wording before the first comma, e.g. "Entretien des espaces verts". */
    private static String shortLabel(String label) {
        int comma = label.indexOf(',');
        String cut = comma > 0 ? label.substring(0, comma) : label;
        int paren = cut.indexOf('(');
        return (paren > 0 ? cut.substring(0, paren) : cut).strip();
    }

    private static String acronym(String name) {
        StringBuilder acronym = new StringBuilder();
        for (String word : name.split("[ '’-]+")) {
            if (word.length() > 3) {
                acronym.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return acronym.length() < 2 ? name : acronym.toString();
    }

    private static String lower(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A valid (Luhn) SIRET unique per sequence number: 8 digits of sequence, then 4 digits, then the check digit. */
    static String siret(long sequence) {
        String digits = String.format("8%08d%04d", sequence, 12);
        for (int check = 0; check < 10; check++) {
            if (luhn(digits + check)) {
                return digits + check;
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
}
