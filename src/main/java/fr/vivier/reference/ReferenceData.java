package fr.vivier.reference;

import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read access to the reference data for the other features (sectors, labels, communes). */
@Singleton
public class ReferenceData {
    private final ReferenceRepositories.SectorGroups groups;
    private final ReferenceRepositories.Sectors sectors;
    private final ReferenceRepositories.Labels labels;
    private final ReferenceRepositories.Communes communes;

    ReferenceData(ReferenceRepositories.SectorGroups groups, ReferenceRepositories.Sectors sectors,
                  ReferenceRepositories.Labels labels, ReferenceRepositories.Communes communes) {
        this.groups = groups;
        this.sectors = sectors;
        this.labels = labels;
        this.communes = communes;
    }

    public List<SectorGroup> sectorGroups() {
        return groups.listOrderByPosition();
    }

    public List<Sector> sectors() {
        return sectors.listOrderByPosition();
    }

    public Map<String, SectorGroup> sectorGroupsByCode() {
        Map<String, SectorGroup> byCode = new LinkedHashMap<>();
        sectorGroups().forEach(group -> byCode.put(group.code(), group));
        return byCode;
    }

    /** Sectors grouped by their group code, in taxonomy order. */
    public Map<String, List<Sector>> sectorsByGroup() {
        Map<String, List<Sector>> byGroup = new LinkedHashMap<>();
        sectors().forEach(sector -> byGroup.computeIfAbsent(sector.groupCode(), code -> new java.util.ArrayList<>()).add(sector));
        return byGroup;
    }

    public List<Label> labels() {
        return labels.listOrderByPosition();
    }

    public Optional<Commune> commune(String code) {
        return communes.findByCode(code);
    }

    public long communeCount() {
        return communes.count();
    }
}
