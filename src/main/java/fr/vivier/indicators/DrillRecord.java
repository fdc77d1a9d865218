package fr.vivier.indicators;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One record behind a figure, as the drill-down list shows it (and its CSV export). */
public record DrillRecord(String reference, String label, @Nullable String direction, @Nullable LocalDate date,
                          @Nullable BigDecimal amount, String status, @Nullable String link) {

    public String dateText() {
        return date == null ? "" : FrenchFormat.date(date);
    }

    public String amountText() {
        return amount == null ? "" : FrenchFormat.amountHt(amount);
    }

    /** A page of the drill-down list: its records, how many there are in all, and its number (from 0). */
    public record Page(java.util.List<DrillRecord> rows, long total, int number) {
        public static final int SIZE = 50;

        public int totalPages() {
            return (int) Math.max(1, (total + SIZE - 1) / SIZE);
        }
    }

    /** A link to the same list showing another part of the figure. */
    public record PartLink(String label, String url) { }

    /** Which side of a figure the list shows. */
    public enum Part {
        NUMERATOR("numerateur", "Comptés"), DENOMINATOR("denominateur", "Ensemble de référence"), UNKNOWN("non-renseigne", "Non renseigné");

        private final String slug;
        private final String label;

        Part(String slug, String label) {
            this.slug = slug;
            this.label = label;
        }

        public String slug() {
            return slug;
        }

        public String label() {
            return label;
        }

        public static @Nullable Part ofSlug(@Nullable String slug) {
            for (Part part : values()) {
                if (part.slug.equals(slug)) {
                    return part;
                }
            }
            return null;
        }
    }
}
