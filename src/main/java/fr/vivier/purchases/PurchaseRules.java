package fr.vivier.purchases;

import fr.vivier.web.FrenchFormat;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/** The checks every channel shares, so that a rule is written once: amounts, dates, CPV codes, holders' SIRET. */
@Singleton
class PurchaseRules {
    private static final Pattern CPV = Pattern.compile("\\d{8}(-\\d)?");

    private final BigDecimal amountCeiling;
    private final Clock clock;

    PurchaseRules(@Value("${vivier.purchases.amount-ceiling:1000000000}") BigDecimal amountCeiling, Clock clock) {
        this.amountCeiling = amountCeiling;
        this.clock = clock;
    }

    BigDecimal amountCeiling() {
        return amountCeiling;
    }

    LocalDate today() {
        return FrenchFormat.today(clock);
    }

    /** Why this amount € HT cannot be a purchase's, or empty. */
    Optional<String> amountProblem(BigDecimal amount) {
        if (amount.signum() <= 0) {
            return Optional.of("Le montant doit être supérieur à zéro (en € HT).");
        }
        if (amount.compareTo(amountCeiling) > 0) {
            return Optional.of("Montant invraisemblable (" + amount.stripTrailingZeros().toPlainString() + " €) : au-dessus du plafond de "
                + FrenchFormat.amountHt(amountCeiling) + " (VIVIER_PURCHASES_AMOUNT_CEILING). Corrigez-le ou relevez le plafond.");
        }
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            return Optional.of("Le montant a plus de deux décimales : indiquez-le au centime près.");
        }
        return Optional.empty();
    }

    Optional<String> dateProblem(LocalDate date, String what) {
        if (date.isAfter(today())) {
            return Optional.of("La date " + what + " (" + FrenchFormat.date(date) + ") est dans le futur.");
        }
        if (date.getYear() < 2000) {
            return Optional.of("La date " + what + " (" + FrenchFormat.date(date) + ") est antérieure à 2000.");
        }
        return Optional.empty();
    }

    static boolean isCpv(String code) {
        return CPV.matcher(code).matches();
    }

    /** Why this is not a holder's SIRET, or empty. */
    static Optional<String> siretProblem(String identifier) {
        return fr.vivier.directory.Siret.problemWith(identifier);
    }
}
