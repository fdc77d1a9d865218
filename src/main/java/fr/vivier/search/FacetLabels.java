package fr.vivier.search;

import fr.vivier.directory.CompanySize;
import fr.vivier.directory.StructureKind;
import fr.vivier.reference.ReferenceData;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.stream.Collectors;

/** French labels of facet values (sector groups, sectors, labels, families, sizes), read once. */
@Singleton
public class FacetLabels {
    private final ReferenceData reference;
    private volatile Map<String, Map<String, String>> labels;

    FacetLabels(ReferenceData reference) {
        this.reference = reference;
    }

    public String label(String facet, String code) {
        return all().getOrDefault(facet, Map.of()).getOrDefault(code, code);
    }

    /** Whether every code is known for this facet (unknown filter codes are refused by the API). */
    public boolean knows(String facet, String code) {
        return all().getOrDefault(facet, Map.of()).containsKey(code);
    }

    private Map<String, Map<String, String>> all() {
        Map<String, Map<String, String>> current = labels;
        if (current == null) {
            current = Map.of(
                "sectorGroup", reference.sectorGroups().stream().collect(Collectors.toMap(g -> g.code(), g -> g.label())),
                "sector", reference.sectors().stream().collect(Collectors.toMap(s -> s.code(), s -> s.label())),
                "label", reference.labels().stream().collect(Collectors.toMap(l -> l.code(), l -> l.label())),
                "kind", java.util.Arrays.stream(StructureKind.Family.values()).collect(Collectors.toMap(Enum::name, f -> shortFamily(f))),
                "size", java.util.Arrays.stream(CompanySize.values()).collect(Collectors.toMap(Enum::name, CompanySize::label)));
            labels = current;
        }
        return current;
    }

    private static String shortFamily(StructureKind.Family family) {
        return switch (family) {
            case SIAE -> "Insertion (SIAE)";
            case STPA -> "Travail protégé et adapté (ESAT, EA)";
            case ESS -> "Autre structure de l’ESS";
            case COMPANY -> "Entreprise (TPE, PME…)";
        };
    }
}
