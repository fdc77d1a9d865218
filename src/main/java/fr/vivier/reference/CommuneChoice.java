package fr.vivier.reference;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A commune typed by a person (name, postcode, INSEE code, or « Nom (département) » as the pages display it), resolved
 * by {@link ReferenceData#resolveCommune}: the commune when there is no doubt, otherwise the error to show next to the
 * field and, when several communes match, the candidates to choose from (never a guess).
 */
public record CommuneChoice(@Nullable Commune commune, List<Commune> candidates, @Nullable String error) {

    static CommuneChoice of(Commune commune) {
        return new CommuneChoice(commune, List.of(), null);
    }

    static CommuneChoice refused(String error) {
        return new CommuneChoice(null, List.of(), error);
    }

    public boolean resolved() {
        return commune != null;
    }
}
