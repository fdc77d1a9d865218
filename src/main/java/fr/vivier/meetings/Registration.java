package fr.vivier.meetings;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** Someone registered to an event: a supplier (SIRET, and its directory id when registered) or a buyer's account. */
public record Registration(
    @Nullable Long id,
    long eventId,
    Participant participant,
    @Nullable Long supplierId,
    @Nullable String siret,
    @Nullable Long accountId,
    String organisation,
    String personName,
    String email,
    RegistrationStatus status,
    Instant registeredAt,
    @Nullable Instant cancelledAt,
    @Nullable Instant remindedAt,
    @Nullable Attendance attendance,
    boolean lateArrival) {
}
