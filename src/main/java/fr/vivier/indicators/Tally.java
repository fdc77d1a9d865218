package fr.vivier.indicators;

import java.math.BigDecimal;

/** A number of records and their amount in € HT (zero when the records carry no amount). */
public record Tally(long count, BigDecimal amount) {
    public static final Tally ZERO = new Tally(0, BigDecimal.ZERO);

    public static Tally of(long count) {
        return new Tally(count, BigDecimal.ZERO);
    }

    public Tally plus(Tally other) {
        return new Tally(count + other.count, amount.add(other.amount));
    }
}
