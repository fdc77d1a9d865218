package fr.vivier.meetings.speed;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** How to cut the event into slots: minutes per slot, breaks as « 10:30-10:45, 12:00-13:30 » (Europe/Paris). */
@Introspected
@Serdeable
public record ScheduleForm(@Size(max = 4, message = "Indiquez la durée d’un créneau en minutes, de 5 à 120.") @Nullable String duree,
                           @Size(max = 200, message = "Les pauses ne doivent pas dépasser 200 caractères.") @Nullable String pauses) { }
