package fr.vivier.programming;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterestControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    ProgrammingService programming;
    @Inject
    InterestService interests;
    @Inject
    AccountService accounts;

    private String page(long lineId) {
        ProgrammingLine line = programming.find(lineId).orElseThrow();
        return "/programmation/" + line.year() + "/" + line.reference();
    }

    @Test
    void aStructureSaysItIsConcernedAsCoContractorOnALotAndCanWithdraw() {
        long lineId = TestLines.published(programming, draft -> draft.lot("Lot tonte", "espaces-verts-entretien", "10 000"));
        ProgrammingLine line = programming.find(lineId).orElseThrow();
        SupplierSessions.Registered registered = SupplierSessions.published(directory, draft -> draft.name = "Jardins Partagés");
        WebClient supplier = SupplierSessions.open(directory, registered, server.getURI());

        Document before = supplier.page(page(lineId));
        assertTrue(before.selectFirst("#ca-me-concerne").text().contains("Vous êtes connecté pour Jardins Partagés"));
        String lotId = String.valueOf(line.lots().get(0).id());
        HttpResponse<String> declared = supplier.post(page(lineId) + "/interet",
            Map.of("role", "COCONTRACTOR", "lot", lotId, "message", "Nous cherchons un mandataire.", "visible", "on"));
        assertEquals(303, declared.statusCode(), declared.body());
        Document after = supplier.page(page(lineId) + "?interet=1");
        assertTrue(after.text().contains("C’est noté"));
        assertTrue(after.selectFirst("#ca-me-concerne").text().contains("Co-traitant — Lot 1 : Lot tonte"));
        assertTrue(after.text().contains("Bourse à la co-traitance"));
        assertTrue(after.select(".bourse li").text().contains("Jardins Partagés"));

        HttpResponse<String> twice = supplier.post(page(lineId) + "/interet", Map.of("role", "HOLDER", "lot", lotId, "message", ""));
        assertEquals(422, twice.statusCode());
        assertEquals(InterestService.ALREADY, Jsoup.parse(twice.body()).selectFirst("#erreur-role").text());

        String staffEmail = TestAccounts.create(accounts, Role.STAFF);
        WebClient staff = new WebClient(server.getURI());
        staff.signIn(staffEmail, TestAccounts.PASSWORD);
        Document staffPage = staff.page("/agents/programmation/" + lineId);
        assertTrue(staffPage.select("section:has(#titre-interesses) tr").text().contains("Jardins Partagés (SIAE) Co-traitant Lot 1 : Lot tonte"),
            staffPage.select("section:has(#titre-interesses)").text());

        long interestId = interests.ofSupplierOnLine(registered.supplier().id(), lineId).get(0).id();
        supplier.get(page(lineId));
        assertEquals(303, supplier.post(page(lineId) + "/interet/" + interestId + "/retrait", Map.of()).statusCode());
        assertTrue(interests.ofSupplierOnLine(registered.supplier().id(), lineId).isEmpty());
        assertTrue(interests.interested(line).isEmpty());
    }

    @Test
    void badInputGetsItsMessageAtTheFieldWithTheInputKept() {
        long lineId = TestLines.published(programming, draft -> { });
        WebClient supplier = SupplierSessions.open(directory, SupplierSessions.published(directory, draft -> { }), server.getURI());
        supplier.get(page(lineId));
        HttpResponse<String> refused = supplier.post(page(lineId) + "/interet", Map.of("role", "PATRON", "message", "<b>Bonjour</b>"));
        assertEquals(422, refused.statusCode());
        Document form = Jsoup.parse(refused.body());
        assertTrue(form.selectFirst("#erreur-role").text().startsWith("Choisissez comment"));
        assertEquals("<b>Bonjour</b>", form.selectFirst("#champ-message").text());
        refused = supplier.post(page(lineId) + "/interet", Map.of("role", "HOLDER", "message", "x".repeat(2001)));
        assertEquals(422, refused.statusCode());
        assertEquals("Le message ne doit pas dépasser 2 000 caractères.", Jsoup.parse(refused.body()).selectFirst("#erreur-message").text());
    }

    @Test
    void withoutTheEmailedLinkNobodyDeclaresAnInterest() {
        long lineId = TestLines.published(programming, draft -> { });
        WebClient visitor = new WebClient(server.getURI());
        Document page = visitor.page(page(lineId));
        assertTrue(page.select("#ca-me-concerne a[href=/mon-profil?retour=" + page(lineId) + "]").size() == 1, "back to the line afterwards");
        assertTrue(page.select("#ca-me-concerne a[href=/inscription?retour=" + page(lineId) + "]").size() == 1);
        assertNull(page.selectFirst("#titre-bourse"), "la bourse n’est montrée qu’aux structures intéressées, acheteurs et agents");
        visitor.get("/connexion"); // a page with a form gives the visitor's session its CSRF token
        HttpResponse<String> anonymous = visitor.post(page(lineId) + "/interet", Map.of("role", "HOLDER"));
        assertEquals(303, anonymous.statusCode());
        String askForALink = "/mon-profil" + fr.vivier.web.ReturnPath.query(page(lineId));
        assertEquals(askForALink, anonymous.headers().firstValue("location").orElseThrow());

        String email = TestAccounts.create(accounts, Role.BUYER);
        WebClient buyer = new WebClient(server.getURI());
        buyer.signIn(email, TestAccounts.PASSWORD);
        buyer.get(page(lineId));
        HttpResponse<String> asBuyer = buyer.post(page(lineId) + "/interet", Map.of("role", "HOLDER"));
        assertEquals(303, asBuyer.statusCode());
        assertEquals(askForALink, asBuyer.headers().firstValue("location").orElseThrow());
        assertEquals(List.of(), interests.interested(programming.find(lineId).orElseThrow()));
    }

    @Test
    void theBoardShowsOnlyWhoChoseToBeVisibleAndTheContactOnlyWithItsConsent() {
        long lineId = TestLines.published(programming, draft -> { });
        SupplierSessions.Registered visibleWithContact = SupplierSessions.published(directory, draft -> draft.name = "Visible Avec Contact");
        SupplierSessions.Registered visibleNoContact = SupplierSessions.published(directory, draft -> {
            draft.name = "Visible Sans Contact";
            draft.publishContact = false;
        });
        SupplierSessions.Registered hidden = SupplierSessions.published(directory, draft -> draft.name = "Discrète");
        ProgrammingLine line = programming.find(lineId).orElseThrow();
        assertTrue(interests.declare(line, visibleWithContact.supplier().id(), new InterestForm("HOLDER", "", "", "on")).isEmpty());
        assertTrue(interests.declare(line, visibleNoContact.supplier().id(), new InterestForm("SUBCONTRACTOR", "", "", "on")).isEmpty());
        assertTrue(interests.declare(line, hidden.supplier().id(), new InterestForm("COCONTRACTOR", "", "", null)).isEmpty());
        List<InterestService.BoardEntry> board = interests.board(line);
        assertEquals(List.of("Visible Avec Contact", "Visible Sans Contact"), board.stream().map(InterestService.BoardEntry::supplierName).toList());
        assertEquals(visibleWithContact.email(), board.get(0).contactEmail());
        assertNull(board.get(1).contactEmail());
        assertEquals(3, interests.interested(line).size());
        assertFalse(board.stream().anyMatch(entry -> entry.supplierName().equals("Discrète")));
    }
}
