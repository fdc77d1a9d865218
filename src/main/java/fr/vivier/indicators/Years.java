package fr.vivier.indicators;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The year and quarter a page or the API is asked for: the current ones by default, a French message when unreadable. */
final class Years {
    static final String YEAR_ERROR = "L’année est sur quatre chiffres, entre 2000 et 2100, par exemple 2026.";
    static final String QUARTER_ERROR = "Le trimestre est un chiffre de 1 à 4.";

    private Years() {
    }

    static Optional<Integer> year(@Nullable String typed, Clock clock, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return Optional.of(FrenchFormat.today(clock).getYear());
        }
        if (!typed.strip().matches("\\d{4}") || Integer.parseInt(typed.strip()) < 2000 || Integer.parseInt(typed.strip()) > 2100) {
            errors.put("annee", YEAR_ERROR);
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(typed.strip()));
    }

    static @Nullable Integer quarter(@Nullable String typed, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        if (!typed.strip().matches("[1-4]")) {
            errors.put("trimestre", QUARTER_ERROR);
            return null;
        }
        return Integer.parseInt(typed.strip());
    }

    /** The quarter the clock is in, for the report's default. */
    static int currentQuarter(Clock clock) {
        return (FrenchFormat.today(clock).getMonthValue() - 1) / 3 + 1;
    }
}
