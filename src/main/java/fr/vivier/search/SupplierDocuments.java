package fr.vivier.search;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierChildren;
import fr.vivier.directory.SupplierView;
import fr.vivier.reference.ReferenceData;
import fr.vivier.reference.Sector;
import fr.vivier.reference.Territories;
import fr.vivier.web.FrenchFormat;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the search document of a supplier from the directory (read through its service) and the reference data. */
@Singleton
public class SupplierDocuments {
    private final DirectoryService directory;
    private final ReferenceData reference;
    private final Territories territories;
    private final FrenchAnalyzer analyzer;
    private final TerritoryConfiguration territory;
    private final Clock clock;
    private volatile Map<String, Sector> sectorsByCode;
    private volatile Map<String, String> groupLabels;

    SupplierDocuments(DirectoryService directory, ReferenceData reference, Territories territories, FrenchAnalyzer analyzer,
                      TerritoryConfiguration territory, Clock clock) {
        this.clock = clock;
        this.directory = directory;
        this.reference = reference;
        this.territories = territories;
        this.analyzer = analyzer;
        this.territory = territory;
    }

    /** The document to index, or empty when the supplier must not be searchable (unknown, not published, erased). */
    public Optional<SupplierDocument> forSupplier(long supplierId) {
        return directory.find(supplierId).filter(Supplier::isPublished).map(supplier -> build(directory.view(supplier)));
    }

    SupplierDocument build(SupplierView view) {
        Supplier supplier = view.supplier();
        Map<String, Sector> sectors = sectors();
        Territories.CommuneEntry commune = view.commune();
        List<String> sectorLabels = view.sectors().stream().map(code -> sectors.containsKey(code) ? sectors.get(code).label() : code).toList();
        List<String> groups = view.sectors().stream().filter(sectors::containsKey).map(code -> sectors.get(code).groupCode()).distinct().toList();
        LocalDate today = FrenchFormat.today(clock);
        List<String> labels = view.labels().stream().filter(l -> !"EXPIRED".equals(l.verificationState(today)))
            .map(SupplierChildren.LabelRow::labelCode).toList();
        List<String> verified = view.labels().stream().filter(l -> "VERIFIED".equals(l.verificationState(today)))
            .map(SupplierChildren.LabelRow::labelCode).toList();
        FrenchAnalyzer.Forms name = analyzer.forms(supplier.name() + (supplier.tradeName() == null ? "" : " " + supplier.tradeName()));
        FrenchAnalyzer.Forms sector = analyzer.forms(String.join(" ", sectorLabels) + " "
            + groups.stream().map(this::groupLabel).collect(Collectors.joining(" ")));
        FrenchAnalyzer.Forms offer = analyzer.forms(String.join(" ", view.offers()));
        FrenchAnalyzer.Forms description = analyzer.forms(supplier.description());
        return new SupplierDocument(supplier.id(), supplier.slug(), supplier.name(), supplier.tradeName(),
            Territories.normalise(supplier.displayName()), name.stems(), sector.stems(), offer.stems(), description.stems(),
            name.words(), sector.words(), offer.words(), description.words(), spelling(name, sector, offer, description),
            supplier.description(), view.offers(), supplier.kind().name(), supplier.kind().family().name(), supplier.ess(),
            supplier.size().name(), view.sectors(), groups, labels, verified, supplier.communeCode(),
            commune == null ? supplier.communeCode() : commune.name(), commune == null ? null : intercommunality(commune),
            commune == null ? "" : commune.departementCode(), commune == null ? "" : commune.regionCode(),
            commune != null && isLocal(commune), areaCodes(view.areas()), supplier.updatedAt().toString(),
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
    public List<String> codesCovering(Territories.CommuneEntry commune) {
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

    private boolean isLocal(Territories.CommuneEntry commune) {
        return territory.getCodes().stream().anyMatch(code -> code.equals(commune.code()) || code.equals(commune.epciCode())
            || code.equals(commune.eptCode()) || code.equals(commune.departementCode()));
    }

    private static String intercommunality(Territories.CommuneEntry commune) {
        return commune.eptCode() != null ? commune.eptCode() : commune.epciCode();
    }

    private static List<String> suggestions(Supplier supplier) {
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
