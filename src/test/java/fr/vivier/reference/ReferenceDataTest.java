package fr.vivier.reference;

import fr.vivier.testsupport.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceDataTest implements IntegrationTest {
    private static final String MISSING = "Indiquez la commune.";

    @Inject
    ReferenceData reference;

    @Test
    void aCommuneIsUnderstoodByItsNamePostcodeCodeOrAsThePagesDisplayIt() {
        assertEquals("93010", reference.resolveCommune(null, "bondy", MISSING).commune().code());
        assertEquals("93010", reference.resolveCommune(null, "93140", MISSING).commune().code());
        assertEquals("93010", reference.resolveCommune(null, "93010", MISSING).commune().code());
        assertEquals("93066", reference.resolveCommune(null, "Saint-Denis (93)", MISSING).commune().code());
        assertEquals("93066", reference.resolveCommune("93066", "  ", MISSING).commune().code(), "a choice alone is taken");
    }

    @Test
    void aChoiceAmongHomonymsCountsOnlyForTheNameItWasOfferedFor() {
        assertEquals("85148", reference.resolveCommune("85148", "Montreuil", MISSING).commune().code());
        assertEquals("93010", reference.resolveCommune("85148", "Bondy", MISSING).commune().code(), "a commune typed anew is looked up anew");
        CommuneChoice stale = reference.resolveCommune("93010", "Montreuil", MISSING);
        assertNull(stale.commune(), "a code not offered for this name chooses nothing");
        assertEquals(List.of("93048", "85148", "28267"), stale.candidates().stream().map(Commune::code).toList(),
            "the territory first, then by population");
        assertEquals("Montreuil — Seine-Saint-Denis (93), 93100", stale.candidates().get(0).choiceLabel());
    }

    @Test
    void anAmbiguousNameOffersTheCandidatesInsteadOfGuessing() {
        CommuneChoice choice = reference.resolveCommune(null, "Saint-Denis", MISSING);
        assertNull(choice.commune());
        assertTrue(choice.candidates().size() > 1, choice.candidates().toString());
        assertTrue(choice.candidates().stream().allMatch(c -> c.name().equals("Saint-Denis")), "only the exact names are offered");
        assertEquals("Plusieurs communes correspondent à « Saint-Denis » : choisissez la vôtre dans la liste.", choice.error());
    }

    @Test
    void nothingUnknownOrTooLongIsRefusedWithAFrenchMessage() {
        assertEquals(MISSING, reference.resolveCommune(null, "  ", MISSING).error());
        assertEquals("Aucune commune ne correspond à « Zzyzx » : vérifiez le nom ou le code postal.",
            reference.resolveCommune(null, "Zzyzx", MISSING).error());
        assertEquals("Ce champ ne doit pas dépasser 100 caractères.", reference.resolveCommune(null, "a".repeat(101), MISSING).error());
    }

    @Test
    void theAuthorityTerritoryCoversItsCommunesOnly() {
        assertTrue(reference.onTerritory(reference.commune("93048").orElseThrow()), "Montreuil is in Est Ensemble");
        assertFalse(reference.onTerritory(reference.commune("13001").orElseThrow()), "Marseille is not");
    }
}
