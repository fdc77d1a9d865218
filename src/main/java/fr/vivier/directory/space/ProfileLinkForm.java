package fr.vivier.directory.space;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The request for a link to one's profile, at /mon-profil: the SIRET and the contact's email on file. */
@Introspected
@Serdeable
public record ProfileLinkForm(
    @NotBlank(message = "Saisissez le numéro SIRET de l’établissement (14 chiffres).")
    @Size(max = 30, message = "Le SIRET compte 14 chiffres.")
    @Nullable String siret,
    @NotBlank(message = "Saisissez l’adresse électronique de la personne à contacter.")
    @Email(message = "Saisissez une adresse électronique valide, par exemple nom@structure.fr.")
    @Size(max = 254, message = "L’adresse électronique ne doit pas dépasser 254 caractères.")
    @Nullable String email,
    @Nullable String adresseComplementaire) {

    public static ProfileLinkForm empty() {
        return new ProfileLinkForm("", "", null);
    }

    /** Bots fill every field; people never see this one. */
    public boolean isBot() {
        return adresseComplementaire != null && !adresseComplementaire.isBlank();
    }
}
