package fr.vivier.programming;

import java.math.BigDecimal;

/** Amount bands of the public page and its filter, cut at the thresholds buyers know (40 k€, 90 k€, 215 k€, 1 M€). */
public enum AmountBand {
    UNDER_40K("Moins de 40 000 € HT", 0, 40_000),
    FROM_40K_TO_90K("De 40 000 à 90 000 € HT", 40_000, 90_000),
    FROM_90K_TO_215K("De 90 000 à 215 000 € HT", 90_000, 215_000),
    FROM_215K_TO_1M("De 215 000 € à 1 M€ HT", 215_000, 1_000_000),
    OVER_1M("Plus de 1 M€ HT", 1_000_000, Long.MAX_VALUE);

    private final String label;
    private final BigDecimal from;
    private final BigDecimal to;

    AmountBand(String label, long from, long to) {
        this.label = label.replace(" €", "\u00a0€");
        this.from = BigDecimal.valueOf(from);
        this.to = BigDecimal.valueOf(to);
    }

    public String label() {
        return label;
    }

    BigDecimal from() {
        return from;
    }

    BigDecimal to() {
        return to;
    }

    public static AmountBand of(BigDecimal amount) {
        for (AmountBand band : values()) {
            if (amount.compareTo(band.to) < 0) {
                return band;
            }
        }
        return OVER_1M;
    }
}
