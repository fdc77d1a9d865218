package fr.vivier.meetings;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A supplier's registration: by SIRET, or through the personal link of an invitation ({@code invitation}, signed), which
 * names the structure already.
 */
@Introspected
@Serdeable
public record SupplierRegistrationForm(
    @Size(max = 40, message = "Le SIRET compte 14 chiffres.") @Nullable String siret,
    @Size(max = 200, message = "Le nom de la structure ne doit pas dépasser 200 caractères.") @Nullable String structure,
    @Size(max = 200, message = "Le nom ne doit pas dépasser 200 caractères.") @Nullable String nom,
    @Size(max = 254, message = "L’adresse électronique ne doit pas dépasser 254 caractères.") @Nullable String courriel,
    @Size(max = 200) @Nullable String invitation) {

    static final List<String> FIELDS = List.of("inscription", "siret", "structure", "nom", "courriel");

    static SupplierRegistrationForm empty() {
        return new SupplierRegistrationForm(null, null, null, null, null);
    }
}
