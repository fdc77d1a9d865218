package fr.vivier.programming;

import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;

import java.util.Optional;

/**
 * A place of execution: a commune (INSEE code), an EPCI or EPT (SIREN) or a département. Stored with a prefix
 * (C:93010, E:200057875, D:93), the same prefixes as the search index's intervention areas.
 */
public record Place(Kind kind, String code) {
    public enum Kind { COMMUNE, INTERCOMMUNALITY, DEPARTEMENT }

    public String stored() {
        return prefix(kind) + code;
    }

    public static Place fromStored(String stored) {
        Kind kind = switch (stored.charAt(0)) {
            case 'C' -> Kind.COMMUNE;
            case 'E' -> Kind.INTERCOMMUNALITY;
            default -> Kind.DEPARTEMENT;
        };
        return new Place(kind, stored.substring(2));
    }

    /** A code as typed: 5 characters for a commune (93010, 2A004), 9 digits for an EPCI or EPT, 2 or 3 for a département. */
    public static Optional<Place> parse(String typed, ReferenceData territories) {
        String code = typed.strip().toUpperCase(java.util.Locale.ROOT);
        if (code.length() == 5 && territories.commune(code).isPresent()) {
            return Optional.of(new Place(Kind.COMMUNE, code));
        }
        if (code.length() == 9 && territories.epciExists(code)) {
            return Optional.of(new Place(Kind.INTERCOMMUNALITY, code));
        }
        if (code.length() <= 3 && territories.departementExists(code)) {
            return Optional.of(new Place(Kind.DEPARTEMENT, code));
        }
        return Optional.empty();
    }

    public String name(ReferenceData territories) {
        return switch (kind) {
            case COMMUNE -> territories.commune(code).map(Commune::displayName).orElse(code);
            case INTERCOMMUNALITY -> territories.epciName(code);
            case DEPARTEMENT -> territories.departementName(code) + " (" + code + ")";
        };
    }

    static String prefix(Kind kind) {
        return switch (kind) {
            case COMMUNE -> "C:";
            case INTERCOMMUNALITY -> "E:";
            case DEPARTEMENT -> "D:";
        };
    }
}
