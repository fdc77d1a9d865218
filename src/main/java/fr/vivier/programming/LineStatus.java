package fr.vivier.programming;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a programming line stands: prévue → en sourcing → lancée (with the consultation's link) → attribuée, or
 * abandonnée at any time before attribution. A refused change says why, in French.
 */
public enum LineStatus {
    PLANNED("Prévue"),
    SOURCING("En sourcing"),
    LAUNCHED("Lancée"),
    AWARDED("Attribuée"),
    ABANDONED("Abandonnée");

    private final String label;

    LineStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Set<LineStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(SOURCING, LAUNCHED, ABANDONED);
            case SOURCING -> EnumSet.of(LAUNCHED, ABANDONED);
            case LAUNCHED -> EnumSet.of(AWARDED, ABANDONED);
            case AWARDED, ABANDONED -> EnumSet.noneOf(LineStatus.class);
        };
    }

    /** Why the line cannot go from this status to {@code target}; empty when it can. */
    public Optional<String> refusalTowards(LineStatus target) {
        if (next().contains(target)) {
            return Optional.empty();
        }
        if (this == target) {
            return Optional.of("La ligne est déjà « " + label + " ».");
        }
        return Optional.of(switch (this) {
            case AWARDED -> "La ligne est attribuée : son statut ne change plus.";
            case ABANDONED -> "La ligne est abandonnée : son statut ne change plus.";
            case PLANNED -> "Une ligne prévue doit être lancée avant d’être attribuée.";
            case SOURCING -> "Une ligne en sourcing doit être lancée avant d’être attribuée.";
            case LAUNCHED -> "Une ligne lancée ne revient pas à « " + target.label + " ».";
        });
    }
}
