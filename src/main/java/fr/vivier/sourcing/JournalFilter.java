package fr.vivier.sourcing;

import io.micronaut.core.annotation.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of the journal list and its exports, parsed once from the query string; what was typed is kept for the
 * form, with a French message per field that could not be read (that filter is then left out).
 */
public record JournalFilter(Raw raw, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String direction,
                            @Nullable ContactChannel channel, @Nullable ContactOutcome outcome, @Nullable SupplierFamily family,
                            int page, Map<String, String> errors) {

    /** The query parameters as typed: du, au, direction, canal, issue, type, page. */
    public record Raw(@Nullable String du, @Nullable String au, @Nullable String direction, @Nullable String canal,
                      @Nullable String issue, @Nullable String type, @Nullable String page) {
        static Raw none() {
            return new Raw(null, null, null, null, null, null, null);
        }
    }

    public static JournalFilter none() {
        return parse(Raw.none());
    }

    public static JournalFilter parse(Raw raw) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = date(raw.du(), "du", errors);
        LocalDate to = date(raw.au(), "au", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("au", "La date de fin doit suivre la date de début.");
            to = null;
        }
        String direction = blank(raw.direction()) ? null : raw.direction().strip();
        return new JournalFilter(raw, from, to, direction,
            code(raw.canal(), ContactChannel.class, "canal", "Choisissez un canal de la liste.", errors),
            code(raw.issue(), ContactOutcome.class, "issue", "Choisissez une issue de la liste.", errors),
            code(raw.type(), SupplierFamily.class, "type", "Choisissez un type de structure de la liste.", errors),
            page(raw.page()), errors);
    }

    /** The address of this filter at another page (page 0 is left out). */
    public String url(String path, int pageNumber) {
        List<String> parameters = new ArrayList<>();
        add(parameters, "du", raw.du());
        add(parameters, "au", raw.au());
        add(parameters, "direction", raw.direction());
        add(parameters, "canal", raw.canal());
        add(parameters, "issue", raw.issue());
        add(parameters, "type", raw.type());
        if (pageNumber > 0) {
            parameters.add("page=" + pageNumber);
        }
        return parameters.isEmpty() ? path : path + "?" + String.join("&", parameters);
    }

    /** The same filters, for the export links (no page). */
    public String query() {
        String url = url("", 0);
        return url.isEmpty() ? "" : url.substring(1);
    }

    private static void add(List<String> parameters, String name, @Nullable String value) {
        if (!blank(value)) {
            parameters.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    private static @Nullable LocalDate date(@Nullable String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Date invalide : choisissez-la dans le calendrier (jj/mm/aaaa).");
            return null;
        }
    }

    private static <E extends Enum<E>> @Nullable E code(@Nullable String value, Class<E> type, String field, String message,
                                                        Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.put(field, message);
            return null;
        }
    }

    private static int page(@Nullable String value) {
        if (blank(value)) {
            return 0;
        }
        try {
            return Math.max(0, Math.min(Integer.parseInt(value.strip()), 100_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
