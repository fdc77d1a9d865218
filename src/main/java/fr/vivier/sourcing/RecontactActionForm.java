package fr.vivier.sourcing;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** An action on a recontact request carries the queue's filter, so that the agent comes back to the same list; {@code compte}: the buyer it is given to. */
@Introspected
@Serdeable
public record RecontactActionForm(
    @Size(max = 10) @Nullable String statut,
    @Size(max = 10) @Nullable String du,
    @Size(max = 10) @Nullable String au,
    @Size(max = 100) @Nullable String commune,
    @Size(max = 10) @Nullable String type,
    @Size(max = 100) @Nullable String q,
    @Size(max = 9) @Nullable String page,
    @Size(max = 19) @Nullable String compte) {
}
