package fr.vivier.meetings;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** One tap on the attendance sheet: a registration marked present or absent. */
@Introspected
@Serdeable
public record AttendanceForm(@Size(max = 19) @Nullable String inscription, @Size(max = 16) @Nullable String presence) { }
