package fr.vivier.meetings.speed;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** A wish as typed by staff: who wishes ({@code de}, a registration id), whom to meet ({@code vers}: a registration id, or a group named as {@link WishService} says), the priority 1 to 3. */
@Introspected
@Serdeable
public record WishForm(@Size(max = 19) @Nullable String de, @Size(max = 200) @Nullable String vers,
                       @Size(max = 2, message = "Choisissez une priorité de 1 à 3.") @Nullable String priorite) {
    static WishForm empty() {
        return new WishForm(null, null, "2");
    }
}
