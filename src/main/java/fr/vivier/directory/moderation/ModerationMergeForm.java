package fr.vivier.directory.moderation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** The duplicate profile to merge into the one shown. */
@Introspected
@Serdeable
public record ModerationMergeForm(
    @NotNull(message = "Choisissez la fiche à fusionner avec celle-ci.")
    @Nullable Long duplicateId) {
}
