package fr.vivier.meetings;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** Someone who came without registering, added on the day: present at once, whatever the capacity. */
@Introspected
@Serdeable
public record LateArrivalForm(
    @Size(max = 40, message = "Le SIRET compte 14 chiffres.") @Nullable String siret,
    @Size(max = 200, message = "Le nom de la structure ne doit pas dépasser 200 caractères.") @Nullable String structure,
    @Size(max = 200, message = "Le nom ne doit pas dépasser 200 caractères.") @Nullable String nom,
    @Size(max = 254, message = "L’adresse électronique ne doit pas dépasser 254 caractères.") @Nullable String courriel) { }
