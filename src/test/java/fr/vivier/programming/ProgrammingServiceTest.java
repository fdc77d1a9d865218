package fr.vivier.programming;

import fr.vivier.testsupport.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammingServiceTest implements IntegrationTest {
    @Inject
    ProgrammingService programming;

    @Test
    void aLineKeepsItsExactAmountLotsAndPlaces() {
        long id = TestLines.create(programming, draft -> {
            draft.amount = "120 000,55";
            draft.places = "93010 200057875 93";
            draft.lot("Lot 1 — tonte", "espaces-verts-entretien", "60 000");
            draft.lot("Lot 2 — élagage", "espaces-verts-creation", "");
        });
        ProgrammingLine line = programming.find(id).orElseThrow();
        assertEquals(new BigDecimal("120000.55"), line.estimatedAmount());
        assertEquals(List.of(Place.Kind.COMMUNE, Place.Kind.INTERCOMMUNALITY, Place.Kind.DEPARTEMENT),
            line.places().stream().map(Place::kind).toList());
        assertEquals(2, line.lots().size());
        assertEquals(new BigDecimal("60000.00"), line.lots().get(0).estimatedAmount());
        assertEquals(null, line.lots().get(1).estimatedAmount());
        assertEquals(LineStatus.PLANNED, line.status());
        assertFalse(line.published());
    }

    @Test
    void badInputGetsAFrenchMessageAtEachFieldAndNothingIsSaved() {
        TestLines.Draft draft = new TestLines.Draft();
        draft.amount = "-5";
        draft.sectors = List.of("secteur-inconnu");
        draft.places = "99999";
        draft.cpv = "7731";
        draft.quarter = "5";
        ProgrammingService.Saved saved = programming.create(draft.toForm(), TestLines.staff());
        Map<String, String> errors = assertInstanceOf(ProgrammingService.Saved.Invalid.class, saved).errors();
        assertEquals("Le montant ne peut pas être négatif.", errors.get("estimatedAmount"));
        assertTrue(errors.get("sectors").contains("code de secteur est inconnu"), errors.toString());
        assertTrue(errors.get("places").contains("« 99999 »"), errors.toString());
        assertTrue(errors.get("cpvCodes").contains("« 7731 »"), errors.toString());
        assertTrue(errors.containsKey("expectedQuarter"), errors.toString());

        draft.amount = "douze mille";
        errors = ((ProgrammingService.Saved.Invalid) programming.create(draft.toForm(), TestLines.staff())).errors();
        assertTrue(errors.get("estimatedAmount").startsWith("Le montant doit être un nombre"), errors.toString());
    }

    @Test
    void aCpvCodeOfEightDigitsThatIsNotInTheCpvListIsRefusedAndARealOneWithItsCheckDigitIsKept() {
        TestLines.Draft draft = new TestLines.Draft();
        draft.cpv = "77310000 12345678";
        Map<String, String> errors = assertInstanceOf(ProgrammingService.Saved.Invalid.class,
            programming.create(draft.toForm(), TestLines.staff())).errors();
        assertEquals("Code CPV inconnu : « 12345678 » ne figure pas dans le vocabulaire commun des marchés publics (CPV 2008). "
            + "Vérifiez-le, par exemple 77310000 pour l’entretien des espaces verts.", errors.get("cpvCodes"));

        draft.cpv = "77310000-6 45112500";
        ProgrammingService.Saved saved = programming.create(draft.toForm(), TestLines.staff());
        long id = assertInstanceOf(ProgrammingService.Saved.Done.class, saved).id();
        assertEquals(List.of("77310000-6", "45112500"), programming.find(id).orElseThrow().cpvCodes());
    }

    @Test
    void aReferenceIsUniqueWithinItsYear() {
        String reference = TestLines.newReference();
        TestLines.create(programming, draft -> draft.reference = reference);
        TestLines.Draft again = new TestLines.Draft();
        again.reference = reference;
        ProgrammingService.Saved saved = programming.create(again.toForm(), TestLines.staff());
        assertEquals(ProgrammingService.DUPLICATE_REFERENCE,
            assertInstanceOf(ProgrammingService.Saved.Invalid.class, saved).errors().get("reference"));
        again.year = "2028";
        assertInstanceOf(ProgrammingService.Saved.Done.class, programming.create(again.toForm(), TestLines.staff()));
    }

    @Test
    void statusesFollowTheirTransitionsAndEachChangeIsKept() {
        long id = TestLines.create(programming);
        Editor staff = TestLines.staff();
        assertEquals("Une ligne prévue doit être lancée avant d’être attribuée.",
            programming.changeStatus(id, LineStatus.AWARDED, null, staff).orElseThrow());
        assertTrue(programming.changeStatus(id, LineStatus.SOURCING, null, staff).isEmpty());
        assertTrue(programming.changeStatus(id, LineStatus.LAUNCHED, null, staff).orElseThrow().startsWith("Indiquez l’adresse"));
        assertTrue(programming.changeStatus(id, LineStatus.LAUNCHED, "javascript:alert(1)", staff).orElseThrow().contains("https://"));
        assertTrue(programming.changeStatus(id, LineStatus.LAUNCHED, "https://marches.example/consultation/42", staff).isEmpty());
        assertEquals("Une ligne lancée ne revient pas à « Prévue ».",
            programming.changeStatus(id, LineStatus.PLANNED, null, staff).orElseThrow());
        assertTrue(programming.changeStatus(id, LineStatus.AWARDED, null, staff).isEmpty());
        assertEquals("La ligne est attribuée : son statut ne change plus.",
            programming.changeStatus(id, LineStatus.ABANDONED, null, staff).orElseThrow());

        ProgrammingLine line = programming.find(id).orElseThrow();
        assertEquals(LineStatus.AWARDED, line.status());
        assertEquals("https://marches.example/consultation/42", line.consultationUrl());
        List<ProgrammingRepository.StatusChange> changes = programming.statusChanges(id);
        assertEquals(List.of(LineStatus.PLANNED, LineStatus.SOURCING, LineStatus.LAUNCHED, LineStatus.AWARDED),
            changes.stream().map(ProgrammingRepository.StatusChange::to).toList());
        assertEquals("Agent de test", changes.get(2).actor());
    }

    @Test
    void programmedVersusLaunchedCountsLinesThatWereEverLaunched() {
        Editor staff = TestLines.staff();
        ProgrammingRepository.ProgrammedVsLaunched before = programming.programmedVsLaunched(2031);
        long launched = TestLines.create(programming, draft -> draft.year = "2031");
        long abandonedAfterLaunch = TestLines.create(programming, draft -> draft.year = "2031");
        TestLines.create(programming, draft -> draft.year = "2031");
        programming.changeStatus(launched, LineStatus.LAUNCHED, "https://marches.example/1", staff);
        programming.changeStatus(abandonedAfterLaunch, LineStatus.LAUNCHED, "https://marches.example/2", staff);
        programming.changeStatus(abandonedAfterLaunch, LineStatus.ABANDONED, null, staff);
        ProgrammingRepository.ProgrammedVsLaunched after = programming.programmedVsLaunched(2031);
        assertEquals(before.programmed() + 3, after.programmed());
        assertEquals(before.launched() + 2, after.launched());
    }

    @Test
    void aBuyerChangesOnlyTheLinesOfItsDirection() {
        long id = TestLines.create(programming, draft -> draft.direction = "Direction de l’environnement");
        Editor sameDirection = new Editor(null, "Acheteuse", false, " direction de l’ENVIRONNEMENT ");
        Editor otherDirection = new Editor(null, "Acheteur", false, "Direction des sports");
        assertThrows(ProgrammingService.NotYours.class, () -> programming.setPublished(id, true, otherDirection));
        programming.setPublished(id, true, sameDirection);
        ProgrammingLine line = programming.find(id).orElseThrow();
        assertTrue(line.published());
        assertNotNull(line.publishedAt());
    }
}
