package fr.vivier.directory.space;

import fr.vivier.web.ReturnPath;
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
    @Nullable String adresseComplementaire,
    @Size(max = 200) @Nullable String retour) {

    public static ProfileLinkForm empty() {
        return empty(null);
    }

    /** An empty request that leads back to a page of the programming (kept only when allowed, see ReturnPath). */
    public static ProfileLinkForm empty(@Nullable String retour) {
        return new ProfileLinkForm("", "", null, ReturnPath.of(retour).orElse(null));
    }

    /** Bots fill every field; people never see this one. */
    public boolean isBot() {
        return adresseComplementaire != null && !adresseComplementaire.isBlank();
    }
}
