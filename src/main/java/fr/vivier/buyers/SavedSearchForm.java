package fr.vivier.buyers;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** « Enregistrer cette recherche »: a name and the search page's query string. */
@Introspected
@Serdeable
public record SavedSearchForm(
    @NotBlank(message = "Donnez un nom à cette recherche.")
    @Size(max = 100, message = "Le nom de la recherche ne doit pas dépasser 100 caractères.")
    @Nullable String name,
    @Size(max = 2000, message = "Cette recherche est trop longue pour être enregistrée.")
    @Nullable String query) {
}
