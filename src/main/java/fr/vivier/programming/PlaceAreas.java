package fr.vivier.programming;

import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The area codes around places of execution, with the prefixes of the search index (C:, E:, D:, R:, FR).
 * {@link #touched} is every code a place overlaps (Bondy touches Est Ensemble and the 93; Est Ensemble touches Bondy),
 * for the public filter; {@link #covering} is every code whose area contains the place, for matching suppliers.
 */
@Singleton
class PlaceAreas {
    private final ReferenceData territories;

    PlaceAreas(ReferenceData territories) {
        this.territories = territories;
    }

    Set<String> touched(Collection<Place> places) {
        Set<String> codes = new LinkedHashSet<>();
        for (Place place : places) {
            codes.add(place.stored());
            for (Commune commune : communesIn(place)) {
                codes.add("C:" + commune.code());
                codes.add("D:" + commune.departementCode());
                if (commune.epciCode() != null) codes.add("E:" + commune.epciCode());
                if (commune.eptCode() != null) codes.add("E:" + commune.eptCode());
            }
        }
        return codes;
    }

    Set<String> covering(Collection<Place> places) {
        Set<String> codes = new LinkedHashSet<>();
        for (Place place : places) {
            codes.add(place.stored());
            for (Commune commune : communesIn(place)) {
                if (place.kind() == Place.Kind.COMMUNE) {
                    if (commune.epciCode() != null) codes.add("E:" + commune.epciCode());
                    if (commune.eptCode() != null) codes.add("E:" + commune.eptCode());
                }
                if (place.kind() != Place.Kind.DEPARTEMENT || commune.departementCode().equals(place.code())) {
                    codes.add("D:" + commune.departementCode());
                }
                codes.add("R:" + commune.regionCode());
            }
            codes.add("FR");
        }
        return codes;
    }

    private List<Commune> communesIn(Place place) {
        return switch (place.kind()) {
            case COMMUNE -> territories.commune(place.code()).stream().toList();
            case INTERCOMMUNALITY -> communes(c -> place.code().equals(c.epciCode()) || place.code().equals(c.eptCode()));
            case DEPARTEMENT -> communes(c -> place.code().equals(c.departementCode()));
        };
    }

    private List<Commune> communes(Predicate<Commune> test) {
        return territories.communes().stream().filter(test).toList();
    }
}
