package fr.vivier.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Introspected
@Serdeable
public record LoginForm(
    @NotBlank(message = "Saisissez votre adresse électronique.")
    @Email(message = "Saisissez une adresse électronique valide, par exemple nom@collectivite.fr.")
    @Size(max = 254, message = "L’adresse électronique ne doit pas dépasser 254 caractères.")
    @Nullable String email,
    @NotBlank(message = "Saisissez votre mot de passe.")
    @Size(max = 1024, message = "Le mot de passe est trop long.")
    @Nullable String password,
    @Size(max = 500) @Nullable String retour) {
}
