package fr.vivier.purchases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The purchases' typed aggregate read for the SPASER indicators: for a year (notification date), the whole authority
 * or one direction, how many records and how much € HT fall under each {@link Measure}, by quarter, read from the
 * per-quarter and direction pre-aggregates that every write keeps exact (see PurchaseFiguresRepository).
 * Holders' attributes are those frozen at notification (a supplier that becomes ESS later does not change the past).
 * A record whose holders' attribute is unknown (holder not in the directory, or attribute not given) is counted in the
 * measure's « non renseigné » twin, never on the « no » side.
 */
@Singleton
public class PurchaseFigures {
    /** What is counted; each with its SQL condition over the record {@code p} and its holders' flags {@code h}. */
    public enum Measure {
        ALL("TRUE"),
        SME("coalesce(h.sme, false)"),
        SME_UNKNOWN("NOT coalesce(h.sme, false) AND h.sme_unknown IS NOT FALSE"),
        SME_KNOWN("(coalesce(h.sme, false) OR h.sme_unknown IS FALSE)"),
        UNDER_40K("p.amount < 40000"),
        UNDER_40K_SME("p.amount < 40000 AND coalesce(h.sme, false)"),
        UNDER_40K_SME_UNKNOWN("p.amount < 40000 AND NOT coalesce(h.sme, false) AND h.sme_unknown IS NOT FALSE"),
        UNDER_40K_SME_KNOWN("p.amount < 40000 AND (coalesce(h.sme, false) OR h.sme_unknown IS FALSE)"),
        LOCAL("coalesce(h.local, false)"),
        LOCAL_UNKNOWN("NOT coalesce(h.local, false) AND h.local_unknown IS NOT FALSE"),
        LOCAL_KNOWN("(coalesce(h.local, false) OR h.local_unknown IS FALSE)"),
        ESS("coalesce(h.ess, false)"),
        ESS_UNKNOWN("NOT coalesce(h.ess, false) AND h.ess_unknown IS NOT FALSE"),
        ESS_KNOWN("(coalesce(h.ess, false) OR h.ess_unknown IS FALSE)"),
        SIAE_STPA("coalesce(h.inclusive, false)"),
        SIAE_STPA_UNKNOWN("NOT coalesce(h.inclusive, false) AND h.inclusive_unknown IS NOT FALSE"),
        SIAE_STPA_KNOWN("(coalesce(h.inclusive, false) OR h.inclusive_unknown IS FALSE)"),
        RESERVED("(p.reservation <> 'NONE' OR 'RESERVED' = ANY (p.social_considerations))"),
        LUMP_SUM("p.price_form = 'LUMP_SUM'"),
        LUMP_SUM_VARIANTS("p.price_form = 'LUMP_SUM' AND (p.variants OR p.functional_specification)"),
        PRICE_FORM_UNKNOWN("p.price_form IS NULL"),
        LUMP_SUM_UNDER_50K("p.price_form = 'LUMP_SUM' AND p.amount < 50000"),
        LUMP_SUM_UNDER_50K_ADVANCE("p.price_form = 'LUMP_SUM' AND p.amount < 50000 AND p.advance"),
        PRICE_FORM_UNKNOWN_UNDER_50K("p.price_form IS NULL AND p.amount < 50000"),
        SOCIAL("(cardinality(p.social_considerations) > 0 OR p.reservation <> 'NONE')"),
        ENVIRONMENTAL("cardinality(p.environmental_considerations) > 0"),
        ENERGY("'ENERGY' = ANY (p.environmental_themes)"),
        MOBILITY("'MOBILITY' = ANY (p.environmental_themes)"),
        CIRCULAR("'CIRCULAR_ECONOMY' = ANY (p.environmental_themes)"),
        LIFECYCLE_COST("p.lifecycle_cost_criterion"),
        LABEL_REQUIRED("p.label_required"),
        SUPPLIES("p.category = 'SUPPLIES'"),
        SUPPLIES_REPARABILITY("p.category = 'SUPPLIES' AND p.reparability_criterion"),
        CATEGORY_UNKNOWN("p.category IS NULL"),
        EQUALITY_CRITERION("p.equality_criterion"),
        GROUP_PURCHASE("p.group_purchase"),
        CITIZEN_PARTICIPATION("p.citizen_participation"),
        INNOVATIVE("p.innovative"),
        WITH_INSERTION_HOURS("p.insertion_hours_achieved > 0");

        private final String condition;

        Measure(String condition) {
            this.condition = condition;
        }

        String condition() {
            return condition;
        }
    }

    /** A number of records and their value € HT. */
    public record Share(long count, BigDecimal amount) { }

    /** One quarter (1 to 4) of the year: each measure's share, and the insertion hours achieved. */
    public record Quarter(int quarter, Map<Measure, Share> shares, long insertionHoursAchieved) {
        public Share share(Measure measure) {
            return shares.getOrDefault(measure, new Share(0, BigDecimal.ZERO));
        }
    }

    /** A record behind a figure, as the indicators' drill-down lists it (staff and the record's direction only). */
    public record Record(long id, String reference, String object, String direction, LocalDate notifiedOn, BigDecimal amount,
                         String procedureLabel) {
        public String staffUrl() {
            return "/agents/achats/" + id;
        }
    }

    private final PurchaseFiguresRepository figures;

    PurchaseFigures(PurchaseFiguresRepository figures) {
        this.figures = figures;
    }

    /** Only the quarters that have records. Read-write: the buckets written since the last read are recomputed first. */
    @Transactional
    public List<Quarter> byQuarter(int year, @Nullable String direction) {
        return figures.byQuarter(year, blankToNull(direction));
    }

    /** Recomputes the figures every write since the last read made stale (an import calls it, so its first reader does not wait). */
    @Transactional
    public void refreshStale() {
        figures.refreshStale();
    }

    /** How many records a measure counts (the drill-down's pages). */
    @Transactional(readOnly = true)
    public long recordCount(int year, @Nullable Integer quarter, @Nullable String direction, Measure measure) {
        return figures.recordCount(year, quarter, blankToNull(direction), measure);
    }

    /** The records of a measure by notification date, from {@code offset}, at most {@code limit} (null: all, streamed). */
    @Transactional(readOnly = true)
    public void forEachRecord(int year, @Nullable Integer quarter, @Nullable String direction, Measure measure, long offset,
                              @Nullable Long limit, Consumer<Record> each) {
        figures.records(year, quarter, blankToNull(direction), measure, offset, limit, each);
    }

    private static @Nullable String blankToNull(@Nullable String direction) {
        return direction == null || direction.isBlank() ? null : direction.strip();
    }
}
