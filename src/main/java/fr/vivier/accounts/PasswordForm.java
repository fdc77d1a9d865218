package fr.vivier.accounts;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Introspected
@Serdeable
public record PasswordForm(
    @NotBlank(message = "Choisissez un mot de passe.")
    @Size(max = 128, message = "Le mot de passe ne doit pas dépasser 128 caractères.")
    @Nullable String password,
    @NotBlank(message = "Saisissez à nouveau le mot de passe.")
    @Size(max = 128, message = "Le mot de passe ne doit pas dépasser 128 caractères.")
    @Nullable String confirmation) {
}
