package fr.vivier.search;

import fr.vivier.directory.IndexableSupplier;
import fr.vivier.directory.LabelState;
import fr.vivier.directory.SupplierChildren;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;
import fr.vivier.reference.Sector;
import fr.vivier.shared.TextFolding;
import fr.vivier.web.FrenchFormat;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the search documents of suppliers from the directory's indexable content (read in bulk through
 * {@link SupplierDirectory}: a few set-based queries per page of suppliers, which is what makes rebuilding or
 * draining 100 000 suppliers take seconds rather than minutes) and the reference data.
 */
@Singleton
public class SupplierDocuments {
    private final SupplierDirectory directory;
    private final ReferenceData reference;
    private final FrenchAnalyzer analyzer;
    private final Clock clock;
    private volatile Map<String, Sector> sectorsByCode;
    private volatile Map<String, String> groupLabels;

    SupplierDocuments(SupplierDirectory directory, ReferenceData reference, FrenchAnalyzer analyzer,
                      Clock clock) {
        this.clock = clock;
        this.directory = directory;
        this.reference = reference;
        this.analyzer = analyzer;
    }

    /** The documents of the published suppliers among {@code ids}, by id; unknown, unpublished or erased ones are absent. */
    public Map<Long, SupplierDocument> forSuppliers(Collection<Long> ids) {
        Map<Long, SupplierDocument> documents = new LinkedHashMap<>();
        directory.indexable(ids).forEach(supplier -> documents.put(supplier.id(), build(supplier)));
        return documents;
    }

    SupplierDocument build(IndexableSupplier supplier) {
        Map<String, Sector> sectors = sectors();
        Commune commune = reference.commune(supplier.communeCode()).orElse(null);
        List<String> sectorLabels = supplier.sectors().stream().map(code -> sectors.containsKey(code) ? sectors.get(code).label() : code).toList();
        List<String> groups = supplier.sectors().stream().filter(sectors::containsKey).map(code -> sectors.get(code).groupCode()).distinct().toList();
        LocalDate today = FrenchFormat.today(clock);
        List<String> labels = supplier.labels().stream().filter(l -> l.verificationState(today) != LabelState.EXPIRED)
            .map(SupplierChildren.LabelRow::labelCode).toList();
        List<String> verified = supplier.labels().stream().filter(l -> l.verificationState(today) == LabelState.VERIFIED)
            .map(SupplierChildren.LabelRow::labelCode).toList();
        FrenchAnalyzer.Forms name = analyzer.forms(supplier.name() + (supplier.tradeName() == null ? "" : " " + supplier.tradeName()));
        FrenchAnalyzer.Forms sector = analyzer.forms(String.join(" ", sectorLabels) + " "
            + groups.stream().map(this::groupLabel).collect(Collectors.joining(" ")));
        FrenchAnalyzer.Forms offer = analyzer.forms(String.join(" ", supplier.offers()));
        FrenchAnalyzer.Forms description = analyzer.forms(supplier.description());
        return new SupplierDocument(supplier.id(), supplier.slug(), supplier.name(), supplier.tradeName(),
            TextFolding.words(supplier.displayName()), name.stems(), sector.stems(), offer.stems(), description.stems(),
            name.words(), sector.words(), offer.words(), description.words(), spelling(name, sector, offer, description),
            supplier.description(), supplier.offers(), supplier.kind().name(), supplier.kind().family().name(), supplier.ess(),
            supplier.size().name(), supplier.sectors(), groups, labels, verified, supplier.communeCode(),
            commune == null ? supplier.communeCode() : commune.name(), commune == null ? null : commune.intercommunalityCode(),
            commune == null ? "" : commune.departementCode(), commune == null ? "" : commune.regionCode(),
            commune != null && reference.onTerritory(commune), areaCodes(supplier.areas()), supplier.updatedAt().toString(),
            suggestions(supplier));
    }

    private static String spelling(FrenchAnalyzer.Forms... texts) {
        Set<String> words = new LinkedHashSet<>();
        for (FrenchAnalyzer.Forms text : texts) {
            words.addAll(text.spelling());
        }
        return String.join(" ", words);
    }

    /** The prefixed codes a search for a place of execution will ask for. */
    public List<String> codesCovering(Commune commune) {
        List<String> codes = new ArrayList<>(List.of("C:" + commune.code(), "D:" + commune.departementCode(),
            "R:" + commune.regionCode(), "FR"));
        if (commune.epciCode() != null) codes.add("E:" + commune.epciCode());
        if (commune.eptCode() != null) codes.add("E:" + commune.eptCode());
        return codes;
    }

    private static List<String> areaCodes(List<SupplierChildren.Area> areas) {
        Set<String> codes = new LinkedHashSet<>();
        for (SupplierChildren.Area area : areas) {
            codes.add(switch (area.areaType()) {
                case COMMUNE -> "C:" + area.areaCode();
                case EPCI -> "E:" + area.areaCode();
                case DEPARTEMENT -> "D:" + area.areaCode();
                case REGION -> "R:" + area.areaCode();
                case NATIONAL -> "FR";
            });
        }
        return List.copyOf(codes);
    }

    private static List<String> suggestions(IndexableSupplier supplier) {
        List<String> inputs = new ArrayList<>();
        inputs.add(supplier.name());
        if (supplier.tradeName() != null) {
            inputs.add(supplier.tradeName());
        }
        return inputs;
    }

    private String groupLabel(String code) {
        Map<String, String> current = groupLabels;
        if (current == null) {
            current = reference.sectorGroups().stream().collect(Collectors.toMap(g -> g.code(), g -> g.label()));
            groupLabels = current;
        }
        return current.getOrDefault(code, code);
    }

    private Map<String, Sector> sectors() {
        Map<String, Sector> current = sectorsByCode;
        if (current == null) {
            current = reference.sectors().stream().collect(Collectors.toMap(Sector::code, Function.identity()));
            sectorsByCode = current;
        }
        return current;
    }
}
