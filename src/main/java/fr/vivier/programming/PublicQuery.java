package fr.vivier.programming;

import io.micronaut.core.annotation.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A search of the published programming, as the page, the API and shareable addresses state it (all in the query string).
 *
 * @param place the place of execution asked for, resolved (null when none or not understood)
 * @param placeTyped what the visitor typed for the place, kept in the form
 */
public record PublicQuery(
    @Nullable String text,
    @Nullable Integer year,
    List<String> sectorGroups,
    List<String> sectors,
    List<Integer> quarters,
    List<AmountBand> bands,
    boolean reservedOnly,
    boolean socialOnly,
    boolean environmentalOnly,
    @Nullable Place place,
    String placeTyped,
    int page,
    int pageSize,
    Map<String, String> errors) {

    public static final int PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    public boolean hasSectorGroup(String code) { return sectorGroups.contains(code); }
    public boolean hasSector(String code) { return sectors.contains(code); }
    public boolean hasQuarter(int quarter) { return quarters.contains(quarter); }
    public boolean hasBand(AmountBand band) { return bands.contains(band); }

    /** This search's address on another page (page counted from 1). */
    public String url(String path, int onPage) {
        List<String> parts = new ArrayList<>();
        add(parts, "q", text);
        add(parts, "annee", year == null ? null : String.valueOf(year));
        sectorGroups.forEach(code -> add(parts, "groupe", code));
        sectors.forEach(code -> add(parts, "secteur", code));
        quarters.forEach(quarter -> add(parts, "trimestre", String.valueOf(quarter)));
        bands.forEach(band -> add(parts, "montant", band.name()));
        if (reservedOnly) add(parts, "reserve", "oui");
        if (socialOnly) add(parts, "consideration", "sociale");
        if (environmentalOnly) add(parts, "consideration", "environnementale");
        add(parts, "lieu", placeTyped);
        if (onPage > 1) add(parts, "page", String.valueOf(onPage));
        return path + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
    }

    private static void add(List<String> parts, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }
}
