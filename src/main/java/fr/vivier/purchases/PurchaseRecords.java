package fr.vivier.purchases;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

/**
 * The purchase records as other features (the indicators) read them: typed, by year, streamed a page at a time so
 * that a year of 10^6 records does not sit in memory, and the year's totals computed in PostgreSQL.
 */
@Singleton
public class PurchaseRecords {
    private final PurchaseRepository purchases;

    PurchaseRecords(PurchaseRepository purchases) {
        this.purchases = purchases;
    }

    /** A number of records and their value € HT. */
    public record Share(long count, BigDecimal amount) { }

    /**
     * A year's records: all, with a social consideration, with an environmental one, notified to an ESS structure, to a
     * SIAE or STPA, to a TPE/PME, to a firm of the territory (holders' attributes as frozen at notification), to a holder
     * not in the directory (« non renseigné », counted apart), and the insertion hours achieved.
     */
    public record YearTotals(int year, Share all, Share social, Share environmental, Share ess, Share siaeOrStpa, Share sme, Share local,
                             Share unknownHolder, long insertionHoursAchieved) { }

    /** Each record notified in {@code year}, in id order. */
    @Transactional(readOnly = true)
    public void forEachOfYear(int year, Consumer<PurchaseRow> consumer) {
        purchases.forEachOfYear(year, consumer);
    }

    @Transactional(readOnly = true)
    public YearTotals totals(int year) {
        return purchases.totals(year);
    }

    @Transactional(readOnly = true)
    public List<PurchaseRow> find(List<Long> ids) {
        return ids.isEmpty() ? List.of() : purchases.find(ids);
    }
}
