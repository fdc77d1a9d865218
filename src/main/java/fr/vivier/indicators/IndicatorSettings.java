package fr.vivier.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Staff choose the indicators the authority follows and publishes, a baseline year and a target per year. */
@Singleton
public class IndicatorSettings {
    private static final Logger LOG = LoggerFactory.getLogger(IndicatorSettings.class);

    private final IndicatorSettingsRepository repository;
    private final IndicatorCatalogue catalogue;
    private final Clock clock;

    IndicatorSettings(IndicatorSettingsRepository repository, IndicatorCatalogue catalogue, Clock clock) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Map<String, IndicatorSetting> all() {
        return repository.settings();
    }

    @Transactional(readOnly = true)
    public IndicatorSetting of(String code) {
        return repository.settings().getOrDefault(code, IndicatorSetting.none(code));
    }

    @Transactional(readOnly = true)
    public List<Target> targets(@Nullable String code) {
        return repository.targets(code);
    }

    /** Saves the form when every field is right; otherwise nothing, and the French message of each field in error. */
    @Transactional
    public Map<String, String> save(Indicator indicator, SettingForm form, boolean computed, String by) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer baseline = year(form.anneeReference(), "anneeReference", "L’année de référence", errors, false);
        Integer year = year(form.annee(), "annee", "L’année de la cible", errors, true);
        Optional<Target> target = target(indicator, form, year, errors);
        if (form.published() && !computed) {
            errors.put("publie", "Cet indicateur n’est pas encore calculé par le portail : il ne peut pas être publié.");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        repository.save(new IndicatorSetting(indicator.code(), form.followed(), form.published(), baseline), by, clock.instant());
        if (target.isPresent()) {
            repository.saveTarget(target.get(), by, clock.instant());
        } else if (year != null) {
            repository.deleteTarget(indicator.code(), year);
        }
        LOG.info("indicator {} settings saved (followed {}, published {})", indicator.code(), form.followed(), form.published());
        return Map.of();
    }

    private static @Nullable Integer year(@Nullable String typed, String field, String what, Map<String, String> errors, boolean required) {
        if (typed == null || typed.isBlank()) {
            if (required) {
                errors.put(field, what + " est obligatoire.");
            }
            return null;
        }
        if (!typed.strip().matches("\\d{4}") || Integer.parseInt(typed.strip()) < 2000 || Integer.parseInt(typed.strip()) > 2100) {
            errors.put(field, what + " est une année sur quatre chiffres entre 2000 et 2100, par exemple 2026.");
            return null;
        }
        return Integer.parseInt(typed.strip());
    }

    private static Optional<Target> target(Indicator indicator, SettingForm form, @Nullable Integer year, Map<String, String> errors) {
        if (form.cible() == null || form.cible().isBlank()) {
            return Optional.empty();
        }
        Target.Kind kind = parse(Target.Kind.class, form.typeCible());
        Target.Measure measure = parse(Target.Measure.class, form.mesure());
        BigDecimal value = number(form.cible());
        if (value == null) {
            errors.put("cible", "La cible est un nombre positif, par exemple 30 ou 600 000 ou 12,5.");
        }
        if (kind == null) {
            errors.put("typeCible", "Choisissez si la cible est un pourcentage, un nombre ou un montant.");
        } else if (kind != Target.Kind.COUNT && !indicator.hasDenominator() && !indicator.hasAmounts()) {
            errors.put("typeCible", "Cet indicateur est un nombre : sa cible est un nombre.");
        } else if (kind == Target.Kind.AMOUNT && !indicator.hasAmounts()) {
            errors.put("typeCible", "Cet indicateur ne porte pas sur des montants : choisissez un pourcentage ou un nombre.");
        } else if (kind == Target.Kind.PERCENT && !indicator.hasDenominator()) {
            errors.put("typeCible", "Cet indicateur n’est pas une part : choisissez un nombre ou un montant.");
        }
        if (measure == null) {
            errors.put("mesure", "Choisissez si la cible se mesure en nombre de marchés ou en montant HT.");
        } else if (kind == Target.Kind.PERCENT && measure == Target.Measure.AMOUNT_HT && !indicator.hasAmounts()) {
            errors.put("mesure", "Cet indicateur ne porte pas sur des montants : sa part se mesure en nombre.");
        } else if (kind == Target.Kind.COUNT && measure == Target.Measure.AMOUNT_HT) {
            errors.put("mesure", "Une cible en nombre se mesure en nombre de marchés.");
        } else if (kind == Target.Kind.AMOUNT && measure == Target.Measure.CONTRACTS) {
            errors.put("mesure", "Une cible en montant se mesure en € HT.");
        }
        if (value != null && kind == Target.Kind.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.put("cible", "Un pourcentage est compris entre 0 et 100.");
        }
        if (!errors.isEmpty() || year == null) {
            return Optional.empty();
        }
        return Optional.of(new Target(indicator.code(), year, kind, measure, value));
    }

    /** « 30 », « 12,5 », « 600 000 », « 600 000 € »: French writing of a positive number. */
    static @Nullable BigDecimal number(String typed) {
        String cleaned = typed.replaceAll("[\\s\u00a0\u202f€%]", "").replace(',', '.');
        if (!cleaned.matches("\\d{1,13}(\\.\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(cleaned);
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String typed) {
        if (typed == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(typed.strip())) {
                return value;
            }
        }
        return null;
    }
}
