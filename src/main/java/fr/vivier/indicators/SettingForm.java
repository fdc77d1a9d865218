package fr.vivier.indicators;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/**
 * The staff form of an indicator: followed, published, baseline year, and the target of one year (an empty target
 * removes that year's). Kept as typed, so that the form comes back with the person's input on error.
 */
@Introspected
@Serdeable
public record SettingForm(
    @Size(max = 3) @Nullable String suivi,
    @Size(max = 3) @Nullable String publie,
    @Size(max = 10, message = "L’année de référence est une année sur quatre chiffres, par exemple 2022.") @Nullable String anneeReference,
    @Size(max = 10, message = "L’année de la cible est une année sur quatre chiffres, par exemple 2026.") @Nullable String annee,
    @Size(max = 30, message = "La cible ne doit pas dépasser 30 caractères.") @Nullable String cible,
    @Size(max = 10) @Nullable String typeCible,
    @Size(max = 10) @Nullable String mesure) {

    static SettingForm of(IndicatorSetting setting, @Nullable Target target, int year) {
        return new SettingForm(setting.followed() ? "on" : null, setting.published() ? "on" : null,
            setting.baselineYear() == null ? "" : String.valueOf(setting.baselineYear()),
            String.valueOf(target == null ? year : target.year()),
            target == null ? "" : Target.number(target.value()).replace("\u00a0", " "),
            target == null ? "" : target.kind().name(), target == null ? "" : target.measure().name());
    }

    public boolean followed() {
        return suivi != null;
    }

    public boolean published() {
        return publie != null;
    }
}
