package fr.vivier.accounts;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Introspected
@Serdeable
public record InvitationForm(
    @NotBlank(message = "Saisissez l’adresse électronique de la personne invitée.")
    @Email(message = "Saisissez une adresse électronique valide, par exemple prenom.nom@collectivite.fr.")
    @Size(max = 254, message = "L’adresse électronique ne doit pas dépasser 254 caractères.")
    @Nullable String email,
    @NotBlank(message = "Saisissez le prénom et le nom.")
    @Size(max = 120, message = "Le nom ne doit pas dépasser 120 caractères.")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "Le nom contient des caractères non autorisés.")
    @Nullable String displayName,
    @NotNull(message = "Choisissez un rôle.")
    @Nullable Role role,
    @Size(max = 160, message = "La direction ne doit pas dépasser 160 caractères.")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "La direction contient des caractères non autorisés.")
    @Nullable String direction) {
}
