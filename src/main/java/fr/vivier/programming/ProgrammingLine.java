package fr.vivier.programming;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A planned purchase of the year, with its lots, as stored. Amounts are exact (€ HT, two decimals). */
public record ProgrammingLine(
    long id,
    int year,
    String reference,
    String object,
    String description,
    String direction,
    List<String> sectors,
    List<String> cpvCodes,
    BigDecimal estimatedAmount,
    int expectedQuarter,
    @Nullable Integer expectedMonth,
    Vocabulary.Procedure procedure,
    Vocabulary.Nature nature,
    List<Place> places,
    boolean socialClause,
    boolean socialCriterion,
    Vocabulary.Reservation reservation,
    boolean environmentalClause,
    boolean environmentalCriterion,
    String environmentalThemes,
    boolean variants,
    boolean innovative,
    String contact,
    LineStatus status,
    @Nullable String consultationUrl,
    boolean published,
    @Nullable Instant publishedAt,
    Instant createdAt,
    Instant updatedAt,
    List<Lot> lots) {

    public record Lot(long id, int number, String object, List<String> sectors, @Nullable BigDecimal estimatedAmount) {
        public String amountFrench() {
            return estimatedAmount == null ? "" : FrenchFormat.amountHt(estimatedAmount);
        }
    }

    /** The line's sectors and its lots' sectors, for matching. */
    public Set<String> allSectors() {
        Set<String> all = new LinkedHashSet<>(sectors);
        lots.forEach(lot -> all.addAll(lot.sectors()));
        return all;
    }

    public boolean socialConsideration() {
        return socialClause || socialCriterion || reservation.reserved();
    }

    public boolean environmentalConsideration() {
        return environmentalClause || environmentalCriterion;
    }

    /** « T2 2027 », or « mars 2027 » when the month is known. */
    public String expectedLaunch() {
        if (expectedMonth != null) {
            return java.time.Month.of(expectedMonth).getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.FRENCH) + " " + year;
        }
        return "T" + expectedQuarter + " " + year;
    }

    public String amountFrench() {
        return FrenchFormat.amountHt(estimatedAmount);
    }

    public AmountBand amountBand() {
        return AmountBand.of(estimatedAmount);
    }

    public String publishedOnFrench() {
        return FrenchFormat.date(publishedAt);
    }

    /** The planned considerations, as the pages list them. */
    public List<String> considerations() {
        List<String> labels = new ArrayList<>();
        if (socialClause) labels.add("Clause sociale");
        if (socialCriterion) labels.add("Critère social");
        if (reservation.reserved()) labels.add(reservation.label());
        if (environmentalClause) labels.add("Clause environnementale");
        if (environmentalCriterion) labels.add("Critère environnemental");
        return labels;
    }
}
