package fr.vivier.buyers;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new favourites list; {@code fournisseur} when it is created from a supplier's « Ajouter à mes favoris » page. */
@Introspected
@Serdeable
public record FavouriteListForm(
    @NotBlank(message = "Donnez un nom à la liste.")
    @Size(max = 100, message = "Le nom de la liste ne doit pas dépasser 100 caractères.")
    @Nullable String name,
    @Nullable String fournisseur) {

    public static FavouriteListForm empty(@Nullable String supplierId) {
        return new FavouriteListForm("", supplierId);
    }
}
