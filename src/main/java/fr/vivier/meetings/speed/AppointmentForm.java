package fr.vivier.meetings.speed;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/**
 * A hand edit of the schedule: the meeting at {@code creneau} (slot number) of {@code table} (the buyer's registration id);
 * {@code fournisseur} (a supplier's registration id) to add one, {@code nouveauCreneau} to move it; to swap it with another
 * meeting, that one's slot ({@code nouveauCreneau}) and table ({@code autreTable}, the same table when empty).
 */
@Introspected
@Serdeable
public record AppointmentForm(@Size(max = 9) @Nullable String creneau, @Size(max = 19) @Nullable String table,
                              @Size(max = 19) @Nullable String fournisseur, @Size(max = 9) @Nullable String nouveauCreneau,
                              @Size(max = 19) @Nullable String autreTable) { }
