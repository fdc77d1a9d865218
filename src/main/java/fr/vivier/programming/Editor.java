package fr.vivier.programming;

import io.micronaut.core.annotation.Nullable;

/**
 * Who edits programming lines: staff edit every line; a buyer edits the lines of its own direction (the direction
 * of its account, compared without regard to case or surrounding spaces).
 */
public record Editor(@Nullable Long accountId, String name, boolean staff, @Nullable String direction) {

    public boolean mayEdit(ProgrammingLine line) {
        return staff || sameDirection(line.direction());
    }

    boolean sameDirection(String lineDirection) {
        return direction != null && !direction.isBlank() && direction.strip().equalsIgnoreCase(lineDirection.strip());
    }
}
