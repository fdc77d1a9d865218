package fr.vivier.programming;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The structure's choice for its alerts on the programming, as posted. */
@Introspected
@Serdeable
public record AlertSettingsForm(
    @NotBlank(message = AlertSettingsForm.CHOOSE) @Size(max = 16, message = AlertSettingsForm.CHOOSE) @Nullable String frequence) {
    static final String CHOOSE = "Choisissez quand recevoir les alertes : dès qu’une ligne est publiée, une fois par semaine, ou jamais.";
}
