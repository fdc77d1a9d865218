package fr.vivier.meetings;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The segment of suppliers to invite, with the criteria of supplier search (sectors, kinds of structure, territory), and the
 * directions whose buyers are invited too.
 */
@Introspected
@Serdeable
public record InvitationForm(
    @Size(max = 40, message = "Choisissez au plus 40 secteurs.") @Nullable List<@Size(max = 80) String> secteurs,
    @Size(max = 4) @Nullable List<@Size(max = 16) String> types,
    @Size(max = 3) @Nullable String territoire,
    @Size(max = 60, message = "Choisissez au plus 60 directions.") @Nullable List<@Size(max = 160) String> directions) {

    public boolean hasSector(String code) {
        return secteurs != null && secteurs.contains(code);
    }

    public boolean hasKind(String family) {
        return types != null && types.contains(family);
    }

    public boolean hasDirection(String direction) {
        return directions != null && directions.contains(direction);
    }

    public boolean local() {
        return territoire != null && !territoire.isBlank();
    }
}
