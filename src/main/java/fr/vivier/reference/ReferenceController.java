package fr.vivier.reference;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** The sector taxonomy and the label catalogue, for partners and for the pages' scripts. */
@Controller("/api/v1/reference")
@Secured(SecurityRule.IS_ANONYMOUS)
class ReferenceController {
    private final ReferenceData reference;

    ReferenceController(ReferenceData reference) {
        this.reference = reference;
    }

    @Serdeable
    record SectorView(String code, String label, String group, String groupLabel, List<String> naf, List<String> cpv) { }

    @Serdeable
    record LabelView(String code, String label, String description, String category, boolean canExpire) { }

    @Get("/sectors")
    List<SectorView> sectors() {
        Map<String, SectorGroup> groups = reference.sectorGroupsByCode();
        return reference.sectors().stream().map(sector -> new SectorView(sector.code(), sector.label(), sector.groupCode(),
            groups.get(sector.groupCode()).label(), split(sector.nafPrefixes()), split(sector.cpvPrefixes()))).toList();
    }

    @Get("/labels")
    List<LabelView> labels() {
        return reference.labels().stream()
            .map(label -> new LabelView(label.code(), label.label(), label.description(), label.category(), label.canExpire()))
            .toList();
    }

    private static List<String> split(String values) {
        return values.isBlank() ? List.of() : List.of(values.trim().split("\\s+"));
    }
}
