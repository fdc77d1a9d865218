package fr.vivier.indicators;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/**
 * An indicator's figure over a period: what is counted, out of what, and the records that could not be classed
 * (« non renseigné »: a holder not in the directory, a consideration not recorded), which are in neither side.
 *
 * @param denominator null for a plain count
 * @param medianDelay the median answer delay (RECONTACT), null elsewhere or when nothing was answered
 */
public record Figure(Tally numerator, @Nullable Tally denominator, Tally unknown, @Nullable Duration medianDelay) {

    public static Figure count(Tally numerator) {
        return new Figure(numerator, null, Tally.ZERO, null);
    }

    public static Figure share(Tally numerator, Tally denominator, Tally unknown) {
        return new Figure(numerator, denominator, unknown, null);
    }

    public Figure plus(Figure other) {
        return new Figure(numerator.plus(other.numerator), denominator == null ? null : denominator.plus(other.denominator),
            unknown.plus(other.unknown), null);
    }

    /** The share in number, 0 to 100 with one decimal; empty when the denominator is empty or absent. */
    public Optional<BigDecimal> percentOfCount() {
        if (denominator == null || denominator.count() == 0) {
            return Optional.empty();
        }
        return Optional.of(percent(BigDecimal.valueOf(numerator.count()), BigDecimal.valueOf(denominator.count())));
    }

    /** The share in € HT, 0 to 100 with one decimal; empty when the denominator has no amount. */
    public Optional<BigDecimal> percentOfAmount() {
        if (denominator == null || denominator.amount().signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(percent(numerator.amount(), denominator.amount()));
    }

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
