package fr.vivier.buyers;

import fr.vivier.reference.Territories;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commune of execution typed as a name, a postcode or « Nom (département) » as the pages display it;
 * several matches are offered as a choice rather than guessed.
 */
record CommuneChoice(Territories.@Nullable CommuneEntry commune, List<Territories.CommuneEntry> candidates, @Nullable String error) {
    private static final Pattern WITH_DEPARTEMENT = Pattern.compile("^(.+?)\\s*\\((\\w{2,3})\\)$");

    static CommuneChoice resolve(@Nullable String chosenCode, @Nullable String text, Territories territories) {
        if (chosenCode != null && !chosenCode.isBlank()) {
            Optional<Territories.CommuneEntry> chosen = territories.commune(chosenCode.strip());
            if (chosen.isPresent()) {
                return new CommuneChoice(chosen.get(), List.of(), null);
            }
        }
        if (text == null || text.isBlank()) {
            return new CommuneChoice(null, List.of(), "Indiquez la commune d’exécution (nom ou code postal).");
        }
        List<Territories.CommuneEntry> found = candidates(text.strip(), territories);
        if (found.size() == 1) {
            return new CommuneChoice(found.get(0), List.of(), null);
        }
        if (found.isEmpty()) {
            return new CommuneChoice(null, List.of(), "Aucune commune ne correspond à « " + text.strip() + " » : vérifiez le nom ou le code postal.");
        }
        List<Territories.CommuneEntry> exact = found.stream()
            .filter(c -> c.normalisedName().equals(Territories.normalise(text)) || c.postcodes().contains(text.strip())).toList();
        if (exact.size() == 1) {
            return new CommuneChoice(exact.get(0), List.of(), null);
        }
        return new CommuneChoice(null, exact.isEmpty() ? found : exact,
            "Plusieurs communes correspondent à « " + text.strip() + " » : choisissez-la dans la liste.");
    }

    private static List<Territories.CommuneEntry> candidates(String text, Territories territories) {
        Matcher withDepartement = WITH_DEPARTEMENT.matcher(text);
        if (withDepartement.matches()) {
            List<Territories.CommuneEntry> inDepartement = territories.findCommunes(withDepartement.group(1), 30).stream()
                .filter(c -> c.departementCode().equalsIgnoreCase(withDepartement.group(2))
                    && c.normalisedName().equals(Territories.normalise(withDepartement.group(1))))
                .toList();
            if (!inDepartement.isEmpty()) {
                return inDepartement;
            }
        }
        return territories.findCommunes(text, 30);
    }
}
