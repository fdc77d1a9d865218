package fr.vivier.indicators;

import io.micronaut.core.annotation.Nullable;

/** Whose figures: the whole authority, or one direction (a buyer sees its own direction's). */
public record Scope(@Nullable String direction) {
    public static final Scope AUTHORITY = new Scope(null);

    public boolean wholeAuthority() {
        return direction == null || direction.isBlank();
    }
}
