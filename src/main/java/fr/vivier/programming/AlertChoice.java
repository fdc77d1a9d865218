package fr.vivier.programming;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.Optional;

/** What a structure chooses for its alerts on the programming: how often, or none at all. */
public enum AlertChoice {
    IMMEDIATE("Dès qu’une ligne qui correspond à ma structure est publiée"),
    WEEKLY("Une fois par semaine, en un seul courriel"),
    NONE("Ne plus recevoir d’alerte");

    private final String label;

    AlertChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<AlertChoice> parse(@Nullable String typed) {
        return Arrays.stream(values()).filter(choice -> choice.name().equals(typed == null ? "" : typed.strip())).findFirst();
    }
}
