package fr.vivier.directory;

import fr.vivier.reference.Commune;
import fr.vivier.reference.CommuneChoice;
import fr.vivier.reference.ReferenceData;
import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filter of a staff queue (profiles to review, recontact requests) as typed in the query string: status, period,
 * commune of the structure, kind of structure, name or SIRET; with a French error per wrong field. Every value is kept
 * as typed so that the form shows it again, and {@link #url} writes it back.
 */
public record StaffQueueFilter(String statut, String du, String au, String commune, String communeCode, String type, String q,
                               int page, @Nullable Instant from, @Nullable Instant to, @Nullable Commune communeEntry,
                               List<Commune> communeCandidates, @Nullable StructureKind.Family family,
                               Map<String, String> errors) {

    /** A choice of the status list: the code the query string carries, the words staff read. */
    public record StatusOption(String code, String label) { }

    /** The values as typed in the query string. */
    public record Raw(@Nullable String statut, @Nullable String du, @Nullable String au, @Nullable String commune,
                      @Nullable String communeCode, @Nullable String type, @Nullable String q, @Nullable String page) { }

    /**
     * The structure's side of the filter, ready for SQL: {@code text} empty when no name or SIRET was typed, the commune
     * code empty when none was chosen, the kinds of the chosen family (or all of them).
     */
    public record SupplierCriteria(String text, String namePattern, String siretPrefix, String communeCode, List<String> kinds) {
        /** Every structure. */
        public static SupplierCriteria none() {
            return new SupplierCriteria("", "", "", "", Arrays.stream(StructureKind.values()).map(Enum::name).toList());
        }
    }

    /** @param statuses the status codes this queue knows; the typed status must be one of them (or empty) */
    public static StaffQueueFilter parse(Raw raw, Set<String> statuses, ReferenceData reference) {
        Map<String, String> errors = new LinkedHashMap<>();
        String statut = typed(raw.statut());
        if (!statut.isEmpty() && !statuses.contains(statut)) {
            errors.put("statut", "Choisissez un statut dans la liste.");
        }
        LocalDate fromDay = date(raw.du(), "du", errors);
        LocalDate toDay = date(raw.au(), "au", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.put("au", "La date de fin doit être postérieure ou égale à la date de début.");
            toDay = null;
        }
        String type = typed(raw.type());
        StructureKind.Family family = Arrays.stream(StructureKind.Family.values()).filter(f -> f.name().equals(type)).findFirst().orElse(null);
        if (!type.isEmpty() && family == null) {
            errors.put("type", "Choisissez un type de structure dans la liste.");
        }
        String q = typed(raw.q());
        if (q.length() > 100) {
            errors.put("q", "La recherche ne doit pas dépasser 100 caractères.");
            q = q.substring(0, 100);
        }
        String communeText = typed(raw.commune());
        Commune communeEntry = null;
        List<Commune> candidates = List.of();
        if (!communeText.isEmpty()) {
            CommuneChoice choice = reference.resolveCommune(raw.communeCode(), communeText, "");
            communeEntry = choice.commune();
            candidates = choice.candidates();
            if (choice.error() != null) {
                errors.put("commune", choice.error());
            }
        }
        return new StaffQueueFilter(statut, typed(raw.du()), typed(raw.au()), communeEntry == null ? communeText : communeEntry.displayName(),
            "", type, q, page(raw.page()),
            fromDay == null ? null : fromDay.atStartOfDay(FrenchFormat.ZONE).toInstant(),
            toDay == null ? null : toDay.plusDays(1).atStartOfDay(FrenchFormat.ZONE).toInstant(),
            communeEntry, candidates, family, errors);
    }

    public SupplierCriteria supplierCriteria() {
        String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String digits = q.replaceAll("[\\s.]", "");
        List<String> kinds = Arrays.stream(StructureKind.values()).filter(kind -> family == null || kind.family() == family)
            .map(Enum::name).toList();
        return new SupplierCriteria(q, "%" + escaped + "%", digits.matches("\\d{3,14}") ? digits + "%" : "",
            communeEntry == null ? "" : communeEntry.code(), kinds);
    }

    public boolean isFiltered() {
        return !(statut.isEmpty() && du.isEmpty() && au.isEmpty() && commune.isEmpty() && type.isEmpty() && q.isEmpty());
    }

    /** The list's address with this filter, on the given page (0-based). */
    public String url(String path, int onPage) {
        StringBuilder query = new StringBuilder();
        append(query, "statut", statut);
        append(query, "du", du);
        append(query, "au", au);
        append(query, "commune", commune);
        append(query, "type", type);
        append(query, "q", q);
        if (onPage > 0) {
            append(query, "page", String.valueOf(onPage));
        }
        return path + (query.isEmpty() ? "" : "?" + query);
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!value.isEmpty()) {
            query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String typed(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static int page(@Nullable String typed) {
        try {
            return typed == null || typed.isBlank() ? 0 : Math.max(0, Integer.parseInt(typed.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static @Nullable LocalDate date(@Nullable String typed, String field, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Date invalide : utilisez le format aaaa-mm-jj, par exemple 2026-03-12.");
            return null;
        }
    }
}
