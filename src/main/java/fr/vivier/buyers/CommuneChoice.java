package fr.vivier.buyers;

import fr.vivier.reference.Territories;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * The commune of execution typed as a name, a postcode or « Nom (département) » as the pages display it;
 * several matches are offered as a choice (the authority's territory first) rather than guessed.
 */
record CommuneChoice(Territories.@Nullable CommuneEntry commune, List<Territories.CommuneEntry> candidates, @Nullable String error) {

    static CommuneChoice resolve(@Nullable String chosenCode, @Nullable String text, Territories territories) {
        if (text == null || text.isBlank()) {
            return new CommuneChoice(null, List.of(), "Indiquez la commune d’exécution (nom ou code postal).");
        }
        List<Territories.CommuneEntry> found = territories.candidates(text.strip(), 30);
        if (found.size() == 1) {
            return new CommuneChoice(found.get(0), List.of(), null);
        }
        if (found.isEmpty()) {
            return new CommuneChoice(null, List.of(), "Aucune commune ne correspond à « " + text.strip() + " » : vérifiez le nom ou le code postal.");
        }
        // the choice counts only for the text it was offered for: a commune typed anew is looked up anew
        Optional<Territories.CommuneEntry> chosen = found.stream()
            .filter(c -> chosenCode != null && c.code().equals(chosenCode.strip())).findFirst();
        return chosen.map(commune -> new CommuneChoice(commune, List.of(), null))
            .orElseGet(() -> new CommuneChoice(null, found,
                "Plusieurs communes correspondent à « " + text.strip() + " » : choisissez-la dans la liste."));
    }
}
