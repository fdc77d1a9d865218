package fr.vivier.web;

import fr.vivier.accounts.Account;
import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.buyers.FavouriteList;
import fr.vivier.buyers.FavouritesService;
import fr.vivier.buyers.SavedSearchService;
import fr.vivier.buyers.Shortlist;
import fr.vivier.buyers.ShortlistService;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.indicators.IndicatorSettings;
import fr.vivier.meetings.EventService;
import fr.vivier.meetings.InvitationService;
import fr.vivier.meetings.RegistrationService;
import fr.vivier.meetings.SupplierRegistrationForm;
import fr.vivier.meetings.TestEvents;
import fr.vivier.programming.ProgrammingAlerts;
import fr.vivier.programming.ProgrammingService;
import fr.vivier.programming.TestLines;
import fr.vivier.sourcing.JournalEntryForm;
import fr.vivier.sourcing.JournalService;
import fr.vivier.purchases.PurchaseRecords;
import fr.vivier.purchases.PurchaseService;
import fr.vivier.purchases.TestPurchases;
import fr.vivier.sourcing.RecontactQueueService;
import fr.vivier.sourcing.SourcingJournal;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.Sirets;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may not do what, for every protected route: anonymous visitors are sent to sign in (401 in JSON under /api/),
 * signed-in accounts without the role get the French 403 page, and one buyer's lists, searches and shortlists are
 * refused to another. State-changing routes are tried as real form posts carrying the caller's own CSRF token (so
 * the refusal comes from the authorisation, not from the CSRF filter), and the fixtures are compared before and after.
 * <p>
 * One line of {@link #cases()} per (route, who). Routes are written as in their controller ({@code {id}} is the
 * fixture of that controller, see {@link #resolve}); {@link #everyProtectedRouteHasItsLines()} reads the router and
 * fails when a protected route, or a role that must be refused, has no line.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest implements IntegrationTest {
    private static final String CSRF_REFUSAL = "Le formulaire a expiré";
    private static final String SUPPLIER_SPACE_REFUSAL = "/mon-profil?expiree=1";
    private static final String MATRIX_DIRECTION = "Direction de la matrice " + UUID.randomUUID().toString().substring(0, 8);
    private static final Map<String, String> JOURNAL_ENTRY = Map.of("fournisseur", "{publie}", "date", "2026-01-05", "canal", "CALL",
        "objet", "Présentation", "issue", "INFORMED", "direction", MATRIX_DIRECTION);

    /** Who sends the request. The BUYER owns the lists, searches and shortlist of the fixtures; OTHER_BUYER does not. */
    enum Who {
        ANONYMOUS("anonyme", null), BUYER("acheteur", Role.BUYER), OTHER_BUYER("autre acheteur", Role.BUYER),
        STAFF("agent", Role.STAFF), ADMIN("administrateur", Role.ADMIN);

        final String label;
        final Role role;

        Who(String label, Role role) {
            this.label = label;
            this.role = role;
        }
    }

    /** The answer expected: always a refusal, checked exactly. */
    enum Expect {
        /** 303 to the sign-in page; for the JSON API, 401 with a JSON message. */
        SIGN_IN,
        /** 403 with the French « Accès refusé » page (from the authorisation, not the CSRF filter). */
        FORBIDDEN,
        /** The supplier space without a supplier session: 303 to « demandez un lien », nothing of the profile. */
        ASK_FOR_A_LINK,
        /** Another buyer's list named in a form field: the form again, 422, as if the list did not exist. */
        NOT_ONE_OF_YOUR_LISTS,
        /** The JSON API without the role: 403 with a JSON message. */
        FORBIDDEN_JSON,
        /** A structure's own page outside the supplier space, without its session: 303 to « demandez un lien », then back here. */
        ASK_FOR_A_LINK_AND_COME_BACK,
        /** A signed link of a mail with a forged signature: the French 404 page, nothing changed. */
        FORGED_LINK;

        String label() {
            return switch (this) {
                case SIGN_IN -> "connexion demandée";
                case FORBIDDEN -> "403";
                case ASK_FOR_A_LINK -> "303 vers la demande de lien";
                case NOT_ONE_OF_YOUR_LISTS -> "422 « Choisissez une de vos listes »";
                case FORBIDDEN_JSON -> "403 en JSON";
                case ASK_FOR_A_LINK_AND_COME_BACK -> "303 vers la demande de lien, avec retour";
                case FORGED_LINK -> "404 lien invalide";
            };
        }
    }

    enum Body { NONE, FORM, MULTIPART }

    record Case(String method, String route, Who who, Expect expect, Body body) {
        @Override
        public String toString() {
            return method + " " + route + " — " + who.label + " → " + expect.label();
        }
    }

    private static Case get(String route, Who who, Expect expect) {
        return new Case("GET", route, who, expect, Body.NONE);
    }

    private static Case post(String route, Who who, Expect expect) {
        return new Case("POST", route, who, expect, Body.FORM);
    }

    private static Case upload(String route, Who who, Expect expect) {
        return new Case("POST", route, who, expect, Body.MULTIPART);
    }

    private static final Who ANONYMOUS = Who.ANONYMOUS;
    private static final Who BUYER = Who.BUYER;
    private static final Who OTHER_BUYER = Who.OTHER_BUYER;
    private static final Who STAFF = Who.STAFF;
    private static final Expect SIGN_IN = Expect.SIGN_IN;
    private static final Expect FORBIDDEN = Expect.FORBIDDEN;
    private static final Expect ASK_FOR_A_LINK = Expect.ASK_FOR_A_LINK;

    static Stream<Case> cases() {
        return Stream.of(
            // staff dashboard and buyers' tools
            get("/agents", ANONYMOUS, SIGN_IN),
            get("/agents", BUYER, FORBIDDEN),
            get("/acheteurs", ANONYMOUS, SIGN_IN),

            // search index (staff)
            get("/agents/recherche", ANONYMOUS, SIGN_IN),
            get("/agents/recherche", BUYER, FORBIDDEN),
            post("/agents/recherche/reconstruction", ANONYMOUS, SIGN_IN),
            post("/agents/recherche/reconstruction", BUYER, FORBIDDEN),

            // recontact requests (staff)
            get("/agents/demandes-recontact", ANONYMOUS, SIGN_IN),
            get("/agents/demandes-recontact", BUYER, FORBIDDEN),
            post("/agents/demandes-recontact/{id}/attribution", ANONYMOUS, SIGN_IN),
            post("/agents/demandes-recontact/{id}/attribution", BUYER, FORBIDDEN),
            post("/agents/demandes-recontact/{id}/reponse", ANONYMOUS, SIGN_IN),
            post("/agents/demandes-recontact/{id}/reponse", BUYER, FORBIDDEN),
            post("/agents/demandes-recontact/{id}/attribution-acheteur", ANONYMOUS, SIGN_IN),
            post("/agents/demandes-recontact/{id}/attribution-acheteur", BUYER, FORBIDDEN),
            post("/agents/demandes-recontact/{id}/cloture", ANONYMOUS, SIGN_IN),
            post("/agents/demandes-recontact/{id}/cloture", BUYER, FORBIDDEN),

            // moderation (staff)
            get("/agents/fiches", ANONYMOUS, SIGN_IN),
            get("/agents/fiches", BUYER, FORBIDDEN),
            get("/agents/fiches/{id}", ANONYMOUS, SIGN_IN),
            get("/agents/fiches/{id}", BUYER, FORBIDDEN),
            post("/agents/fiches/{id}/publication", ANONYMOUS, SIGN_IN),
            post("/agents/fiches/{id}/publication", BUYER, FORBIDDEN),
            post("/agents/fiches/{id}/relecture", ANONYMOUS, SIGN_IN),
            post("/agents/fiches/{id}/relecture", BUYER, FORBIDDEN),
            post("/agents/fiches/{id}/refus", ANONYMOUS, SIGN_IN),
            post("/agents/fiches/{id}/refus", BUYER, FORBIDDEN),
            post("/agents/fiches/{id}/suspension", ANONYMOUS, SIGN_IN),
            post("/agents/fiches/{id}/suspension", BUYER, FORBIDDEN),
            post("/agents/fiches/{id}/labels/{code}/verifie", ANONYMOUS, SIGN_IN),
            post("/agents/fiches/{id}/labels/{code}/verifie", BUYER, FORBIDDEN),
            post("/agents/fiches/{id}/labels/{code}/non-verifie", ANONYMOUS, SIGN_IN),
            post("/agents/fiches/{id}/labels/{code}/non-verifie", BUYER, FORBIDDEN),
            post("/agents/fiches/{id}/fusion", ANONYMOUS, SIGN_IN),
            post("/agents/fiches/{id}/fusion", BUYER, FORBIDDEN),

            // supplier import (staff)
            get("/agents/import", ANONYMOUS, SIGN_IN),
            get("/agents/import", BUYER, FORBIDDEN),
            upload("/agents/import", ANONYMOUS, SIGN_IN),
            upload("/agents/import", BUYER, FORBIDDEN),
            post("/agents/import/confirmation", ANONYMOUS, SIGN_IN),
            post("/agents/import/confirmation", BUYER, FORBIDDEN),

            // accounts (administrators)
            get("/admin/comptes", ANONYMOUS, SIGN_IN),
            get("/admin/comptes", BUYER, FORBIDDEN),
            get("/admin/comptes", STAFF, FORBIDDEN),
            post("/admin/comptes/invitations", ANONYMOUS, SIGN_IN),
            post("/admin/comptes/invitations", BUYER, FORBIDDEN),
            post("/admin/comptes/invitations", STAFF, FORBIDDEN),
            post("/admin/comptes/{id}/desactivation", ANONYMOUS, SIGN_IN),
            post("/admin/comptes/{id}/desactivation", BUYER, FORBIDDEN),
            post("/admin/comptes/{id}/desactivation", STAFF, FORBIDDEN),
            post("/admin/comptes/{id}/activation", ANONYMOUS, SIGN_IN),
            post("/admin/comptes/{id}/activation", BUYER, FORBIDDEN),
            post("/admin/comptes/{id}/activation", STAFF, FORBIDDEN),
            post("/admin/comptes/{id}/reinitialisation", ANONYMOUS, SIGN_IN),
            post("/admin/comptes/{id}/reinitialisation", BUYER, FORBIDDEN),
            post("/admin/comptes/{id}/reinitialisation", STAFF, FORBIDDEN),

            // programming (buyers and staff; a buyer only touches the lines of its own direction)
            get("/agents/programmation", ANONYMOUS, SIGN_IN),
            get("/agents/programmation/nouvelle", ANONYMOUS, SIGN_IN),
            post("/agents/programmation", ANONYMOUS, SIGN_IN),
            get("/agents/programmation/{id}", ANONYMOUS, SIGN_IN),
            get("/agents/programmation/{id}", OTHER_BUYER, FORBIDDEN),
            get("/agents/programmation/{id}/modifier", ANONYMOUS, SIGN_IN),
            get("/agents/programmation/{id}/modifier", OTHER_BUYER, FORBIDDEN),
            post("/agents/programmation/{id}/modifier", ANONYMOUS, SIGN_IN),
            post("/agents/programmation/{id}/modifier", OTHER_BUYER, FORBIDDEN),
            post("/agents/programmation/{id}/statut", ANONYMOUS, SIGN_IN),
            post("/agents/programmation/{id}/statut", OTHER_BUYER, FORBIDDEN),
            post("/agents/programmation/{id}/publication", ANONYMOUS, SIGN_IN),
            post("/agents/programmation/{id}/publication", OTHER_BUYER, FORBIDDEN),
            post("/agents/programmation/{id}/depublication", ANONYMOUS, SIGN_IN),
            post("/agents/programmation/{id}/depublication", OTHER_BUYER, FORBIDDEN),
            post("/agents/programmation/{id}/ajout-liste", ANONYMOUS, SIGN_IN),
            post("/agents/programmation/{id}/ajout-liste", OTHER_BUYER, FORBIDDEN),

            // census import of the programming (staff)
            get("/agents/import-programmation", ANONYMOUS, SIGN_IN),
            get("/agents/import-programmation", BUYER, FORBIDDEN),
            get("/agents/import-programmation/modele.csv", ANONYMOUS, SIGN_IN),
            get("/agents/import-programmation/modele.csv", BUYER, FORBIDDEN),
            upload("/agents/import-programmation", ANONYMOUS, SIGN_IN),
            upload("/agents/import-programmation", BUYER, FORBIDDEN),
            post("/agents/import-programmation/confirmation", ANONYMOUS, SIGN_IN),
            post("/agents/import-programmation/confirmation", BUYER, FORBIDDEN),
            get("/agents/import-programmation/suivi/{id}", ANONYMOUS, SIGN_IN),
            get("/agents/import-programmation/suivi/{id}", BUYER, FORBIDDEN),

            // SPASER indicators (buyers see their direction's figures; only staff change the settings)
            get("/agents/indicateurs", ANONYMOUS, SIGN_IN),
            get("/agents/indicateurs/catalogue", ANONYMOUS, SIGN_IN),
            get("/agents/indicateurs/{indicateur}", ANONYMOUS, SIGN_IN),
            post("/agents/indicateurs/{indicateur}", ANONYMOUS, SIGN_IN),
            post("/agents/indicateurs/{indicateur}", BUYER, FORBIDDEN),
            get("/agents/indicateurs/{indicateur}/enregistrements", ANONYMOUS, SIGN_IN),
            get("/agents/indicateurs/{indicateur}/enregistrements.csv", ANONYMOUS, SIGN_IN),
            get("/agents/indicateurs/{indicateur}/enregistrements.xlsx", ANONYMOUS, SIGN_IN),
            get("/agents/indicateurs/rapport", ANONYMOUS, SIGN_IN),
            get("/agents/indicateurs/rapport", BUYER, FORBIDDEN),
            get("/agents/indicateurs/rapport.pdf", ANONYMOUS, SIGN_IN),
            get("/agents/indicateurs/rapport.pdf", BUYER, FORBIDDEN),
            // sourcing journal (buyers and staff; a buyer reads its own and its direction's entries, edits its own)
            get("/journal", ANONYMOUS, SIGN_IN),
            get("/journal/export.csv", ANONYMOUS, SIGN_IN),
            get("/journal/export.xlsx", ANONYMOUS, SIGN_IN),
            get("/journal/nouveau", ANONYMOUS, SIGN_IN),
            post("/journal", ANONYMOUS, SIGN_IN),
            get("/journal/consultations", ANONYMOUS, SIGN_IN),
            post("/journal/consultations", ANONYMOUS, SIGN_IN),
            post("/journal/consultations", OTHER_BUYER, FORBIDDEN),
            get("/journal/{id}", ANONYMOUS, SIGN_IN),
            get("/journal/{id}", OTHER_BUYER, FORBIDDEN),
            get("/journal/{id}/modifier", ANONYMOUS, SIGN_IN),
            get("/journal/{id}/modifier", OTHER_BUYER, FORBIDDEN),
            get("/journal/{id}/modifier", STAFF, FORBIDDEN),
            post("/journal/{id}/modifier", ANONYMOUS, SIGN_IN),
            post("/journal/{id}/modifier", OTHER_BUYER, FORBIDDEN),
            post("/journal/{id}/modifier", STAFF, FORBIDDEN),

            // sourcing sheets of programming lines (staff, and buyers of the line's direction)
            get("/fiches-sourcing/{id}", ANONYMOUS, SIGN_IN),
            get("/fiches-sourcing/{id}", OTHER_BUYER, FORBIDDEN),
            post("/fiches-sourcing/{id}", ANONYMOUS, SIGN_IN),
            post("/fiches-sourcing/{id}", OTHER_BUYER, FORBIDDEN),
            post("/fiches-sourcing/{id}/reponses", ANONYMOUS, SIGN_IN),
            post("/fiches-sourcing/{id}/reponses", OTHER_BUYER, FORBIDDEN),
            // purchase records (buyers of their direction, staff); imports, holders to qualify and the API (staff)
            get("/agents/achats", ANONYMOUS, SIGN_IN),
            get("/agents/achats/nouveau", ANONYMOUS, SIGN_IN),
            post("/agents/achats", ANONYMOUS, SIGN_IN),
            get("/agents/achats/{id}", ANONYMOUS, SIGN_IN),
            get("/agents/achats/{id}", OTHER_BUYER, FORBIDDEN),
            get("/agents/achats/{id}/modifier", ANONYMOUS, SIGN_IN),
            get("/agents/achats/{id}/modifier", OTHER_BUYER, FORBIDDEN),
            post("/agents/achats/{id}/modifier", ANONYMOUS, SIGN_IN),
            post("/agents/achats/{id}/modifier", OTHER_BUYER, FORBIDDEN),
            get("/agents/achats/titulaires-a-qualifier", ANONYMOUS, SIGN_IN),
            get("/agents/achats/titulaires-a-qualifier", BUYER, FORBIDDEN),
            get("/agents/achats/titulaires-a-qualifier/{identifier}", ANONYMOUS, SIGN_IN),
            get("/agents/achats/titulaires-a-qualifier/{identifier}", BUYER, FORBIDDEN),
            post("/agents/achats/titulaires-a-qualifier/{identifier}", ANONYMOUS, SIGN_IN),
            post("/agents/achats/titulaires-a-qualifier/{identifier}", BUYER, FORBIDDEN),
            get("/agents/import-achats", ANONYMOUS, SIGN_IN),
            get("/agents/import-achats", BUYER, FORBIDDEN),
            get("/agents/import-achats/modele.csv", ANONYMOUS, SIGN_IN),
            get("/agents/import-achats/modele.csv", BUYER, FORBIDDEN),
            upload("/agents/import-achats", ANONYMOUS, SIGN_IN),
            upload("/agents/import-achats", BUYER, FORBIDDEN),
            post("/agents/import-achats/confirmation", ANONYMOUS, SIGN_IN),
            post("/agents/import-achats/confirmation", BUYER, FORBIDDEN),
            get("/api/v1/purchases", ANONYMOUS, SIGN_IN),
            get("/api/v1/purchases", BUYER, Expect.FORBIDDEN_JSON),

            // meetings (staff organise; any signed-in buyer registers)
            get("/agents/rencontres", ANONYMOUS, SIGN_IN),
            get("/agents/rencontres", BUYER, FORBIDDEN),
            get("/agents/rencontres/nouvelle", ANONYMOUS, SIGN_IN),
            get("/agents/rencontres/nouvelle", BUYER, FORBIDDEN),
            post("/agents/rencontres", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres", BUYER, FORBIDDEN),
            get("/agents/rencontres/{id}", ANONYMOUS, SIGN_IN),
            get("/agents/rencontres/{id}", BUYER, FORBIDDEN),
            get("/agents/rencontres/{id}/modifier", ANONYMOUS, SIGN_IN),
            get("/agents/rencontres/{id}/modifier", BUYER, FORBIDDEN),
            post("/agents/rencontres/{id}/modifier", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres/{id}/modifier", BUYER, FORBIDDEN),
            post("/agents/rencontres/{id}/suppression", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres/{id}/suppression", BUYER, FORBIDDEN),
            get("/agents/rencontres/{id}/invitations", ANONYMOUS, SIGN_IN),
            get("/agents/rencontres/{id}/invitations", BUYER, FORBIDDEN),
            post("/agents/rencontres/{id}/invitations", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres/{id}/invitations", BUYER, FORBIDDEN),
            get("/agents/rencontres/export.csv", ANONYMOUS, SIGN_IN),
            get("/agents/rencontres/export.csv", BUYER, FORBIDDEN),
            get("/agents/rencontres/export.xlsx", ANONYMOUS, SIGN_IN),
            get("/agents/rencontres/export.xlsx", BUYER, FORBIDDEN),
            get("/agents/rencontres/{id}/presence", ANONYMOUS, SIGN_IN),
            get("/agents/rencontres/{id}/presence", BUYER, FORBIDDEN),
            post("/agents/rencontres/{id}/presence", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres/{id}/presence", BUYER, FORBIDDEN),
            post("/agents/rencontres/{id}/arrivees", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres/{id}/arrivees", BUYER, FORBIDDEN),
            // speed-meetings: wishes and schedule (staff)
            get("/agents/rencontres/{id}/souhaits", ANONYMOUS, SIGN_IN),
            get("/agents/rencontres/{id}/souhaits", BUYER, FORBIDDEN),
            post("/agents/rencontres/{id}/souhaits", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres/{id}/souhaits", BUYER, FORBIDDEN),
            post("/agents/rencontres/{id}/souhaits/retrait", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres/{id}/souhaits/retrait", BUYER, FORBIDDEN),
            get("/agents/rencontres/{id}/planning", ANONYMOUS, SIGN_IN),
            get("/agents/rencontres/{id}/planning", BUYER, FORBIDDEN),
            get("/agents/rencontres/{id}/planning/tables.pdf", ANONYMOUS, SIGN_IN),
            get("/agents/rencontres/{id}/planning/tables.pdf", BUYER, FORBIDDEN),
            get("/agents/rencontres/{id}/planning/fournisseurs.pdf", ANONYMOUS, SIGN_IN),
            get("/agents/rencontres/{id}/planning/fournisseurs.pdf", BUYER, FORBIDDEN),
            get("/agents/rencontres/{id}/planning/fournisseurs", ANONYMOUS, SIGN_IN),
            get("/agents/rencontres/{id}/planning/fournisseurs", BUYER, FORBIDDEN),
            post("/agents/rencontres/{id}/planning", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres/{id}/planning", BUYER, FORBIDDEN),
            post("/agents/rencontres/{id}/planning/deplacement", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres/{id}/planning/deplacement", BUYER, FORBIDDEN),
            post("/agents/rencontres/{id}/planning/echange", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres/{id}/planning/echange", BUYER, FORBIDDEN),
            post("/agents/rencontres/{id}/planning/retrait", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres/{id}/planning/retrait", BUYER, FORBIDDEN),
            post("/agents/rencontres/{id}/planning/ajout", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres/{id}/planning/ajout", BUYER, FORBIDDEN),
            post("/agents/rencontres/{id}/planning/journal", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres/{id}/planning/journal", BUYER, FORBIDDEN),
            post("/agents/rencontres/{id}/planning/envoi", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres/{id}/planning/envoi", BUYER, FORBIDDEN),
            post("/agents/rencontres/{id}/souhaits/liens", ANONYMOUS, SIGN_IN),
            post("/agents/rencontres/{id}/souhaits/liens", BUYER, FORBIDDEN),
            get("/rencontres/{eventId}/mes-souhaits", ANONYMOUS, SIGN_IN),
            get("/rencontres/{eventId}/mes-souhaits/planning.pdf", ANONYMOUS, SIGN_IN),
            post("/rencontres/{eventId}/mes-souhaits", ANONYMOUS, SIGN_IN),
            post("/rencontres/{eventId}/mes-souhaits/retrait", ANONYMOUS, SIGN_IN),
            post("/rencontres/{eventId}/inscription-acheteur", ANONYMOUS, SIGN_IN),

            // sign-out
            post("/deconnexion", ANONYMOUS, SIGN_IN),

            // favourites (signed in; a list is its buyer's own)
            get("/favoris", ANONYMOUS, SIGN_IN),
            post("/favoris", ANONYMOUS, SIGN_IN),
            get("/favoris/ajouter", ANONYMOUS, SIGN_IN),
            post("/favoris/ajouter", ANONYMOUS, SIGN_IN),
            post("/favoris/ajouter", OTHER_BUYER, Expect.NOT_ONE_OF_YOUR_LISTS),
            get("/favoris/{id}", ANONYMOUS, SIGN_IN),
            get("/favoris/{id}", OTHER_BUYER, FORBIDDEN),
            get("/favoris/{id}", STAFF, FORBIDDEN),
            post("/favoris/{id}/retrait", ANONYMOUS, SIGN_IN),
            post("/favoris/{id}/retrait", OTHER_BUYER, FORBIDDEN),
            post("/favoris/{id}/suppression", ANONYMOUS, SIGN_IN),
            post("/favoris/{id}/suppression", OTHER_BUYER, FORBIDDEN),

            // saved searches (signed in; a search is its buyer's own)
            get("/recherches-enregistrees", ANONYMOUS, SIGN_IN),
            get("/recherches-enregistrees/nouvelle", ANONYMOUS, SIGN_IN),
            post("/recherches-enregistrees", ANONYMOUS, SIGN_IN),
            post("/recherches-enregistrees/{id}/desabonnement", ANONYMOUS, SIGN_IN),
            post("/recherches-enregistrees/{id}/desabonnement", OTHER_BUYER, FORBIDDEN),
            post("/recherches-enregistrees/{id}/abonnement", ANONYMOUS, SIGN_IN),
            post("/recherches-enregistrees/{id}/abonnement", OTHER_BUYER, FORBIDDEN),
            post("/recherches-enregistrees/{id}/suppression", ANONYMOUS, SIGN_IN),
            post("/recherches-enregistrees/{id}/suppression", OTHER_BUYER, FORBIDDEN),

            // purchases under 40 k€ (signed in; staff may read a buyer's shortlist, only its buyer may change it)
            get("/achats-moins-40k", ANONYMOUS, SIGN_IN),
            post("/achats-moins-40k", ANONYMOUS, SIGN_IN),
            get("/achats-moins-40k/{id}", ANONYMOUS, SIGN_IN),
            get("/achats-moins-40k/{id}", OTHER_BUYER, FORBIDDEN),
            post("/achats-moins-40k/{id}/selection", ANONYMOUS, SIGN_IN),
            post("/achats-moins-40k/{id}/selection", OTHER_BUYER, FORBIDDEN),
            post("/achats-moins-40k/{id}/selection", STAFF, FORBIDDEN),
            get("/achats-moins-40k/{id}/export.csv", ANONYMOUS, SIGN_IN),
            get("/achats-moins-40k/{id}/export.csv", OTHER_BUYER, FORBIDDEN),
            get("/achats-moins-40k/{id}/export.xlsx", ANONYMOUS, SIGN_IN),
            get("/achats-moins-40k/{id}/export.xlsx", OTHER_BUYER, FORBIDDEN),

            // exports of a search (signed in)
            get("/fournisseurs/export.csv", ANONYMOUS, SIGN_IN),
            get("/fournisseurs/export.xlsx", ANONYMOUS, SIGN_IN),

            // the supplier space: only a session opened by an emailed link, never an account's session
            get("/mon-profil/fiche", ANONYMOUS, ASK_FOR_A_LINK),
            get("/mon-profil/fiche", BUYER, ASK_FOR_A_LINK),
            get("/mon-profil/fiche/modifier", ANONYMOUS, ASK_FOR_A_LINK),
            get("/mon-profil/fiche/modifier", BUYER, ASK_FOR_A_LINK),
            post("/mon-profil/fiche/modifier", ANONYMOUS, ASK_FOR_A_LINK),
            post("/mon-profil/fiche/modifier", STAFF, ASK_FOR_A_LINK),
            post("/mon-profil/fiche/consentements/{kind}/retrait", ANONYMOUS, ASK_FOR_A_LINK),
            post("/mon-profil/fiche/consentements/{kind}/retrait", STAFF, ASK_FOR_A_LINK),
            get("/mon-profil/fiche/suppression", ANONYMOUS, ASK_FOR_A_LINK),
            get("/mon-profil/fiche/suppression", BUYER, ASK_FOR_A_LINK),
            post("/mon-profil/fiche/suppression", ANONYMOUS, ASK_FOR_A_LINK),
            post("/mon-profil/fiche/suppression", STAFF, ASK_FOR_A_LINK),
            get("/mon-profil/donnees.json", ANONYMOUS, ASK_FOR_A_LINK),
            get("/mon-profil/donnees.json", BUYER, ASK_FOR_A_LINK),

            // a structure's programming alerts: its own session (from its emailed link), or the signed link of its alert mail
            get("/programmation/mes-alertes", ANONYMOUS, Expect.ASK_FOR_A_LINK_AND_COME_BACK),
            get("/programmation/mes-alertes", BUYER, Expect.ASK_FOR_A_LINK_AND_COME_BACK),
            post("/programmation/mes-alertes", ANONYMOUS, Expect.ASK_FOR_A_LINK_AND_COME_BACK),
            post("/programmation/mes-alertes", STAFF, Expect.ASK_FOR_A_LINK_AND_COME_BACK),
            get("/programmation/alertes/frequence/{supplierId}/{signature}", ANONYMOUS, Expect.FORGED_LINK),
            post("/programmation/alertes/frequence/{supplierId}/{signature}", ANONYMOUS, Expect.FORGED_LINK),
            post("/programmation/alertes/frequence/{supplierId}/{signature}", STAFF, Expect.FORGED_LINK),
            get("/programmation/alertes/desabonnement/{supplierId}/{signature}", ANONYMOUS, Expect.FORGED_LINK),
            post("/programmation/alertes/desabonnement/{supplierId}/{signature}", ANONYMOUS, Expect.FORGED_LINK));
    }

    private static final Map<String, String> MEETING = Map.ofEntries(Map.entry("type", "OPEN_DAY"), Map.entry("titre", "Titre changé"),
        Map.entry("description", "Portes ouvertes."), Map.entry("date", "2099-06-12"), Map.entry("debut", "09:30"), Map.entry("fin", "12:00"),
        Map.entry("adresse", "1 rue de la Matrice"), Map.entry("commune", "Bondy"), Map.entry("capacite", "1"),
        Map.entry("dateLimite", "2099-06-10"), Map.entry("organisateur", "Direction de la matrice"));

    private static final Map<String, String> PROGRAMMING_LINE = Map.ofEntries(Map.entry("year", "2027"),
        Map.entry("reference", "MATRICE-{ligne}"), Map.entry("object", "Objet changé"), Map.entry("direction", "Direction des sports"),
        Map.entry("sectors", "espaces-verts-entretien"), Map.entry("estimatedAmount", "10 000"), Map.entry("expectedQuarter", "1"),
        Map.entry("procedure", "ADAPTED"), Map.entry("nature", "CONTRACT"), Map.entry("places", "93010"));

    /**
     * The form each state-changing route is tried with: valid, so that a missing check would really act (the import
     * confirmation excepted: its content is signed with a server key the test does not have).
     */
    private static final Map<String, Map<String, String>> FORMS = Map.ofEntries(
        Map.entry("/agents/fiches/{id}/refus", Map.of("rejectionReason", "Fiche incomplète.")),
        Map.entry("/agents/fiches/{id}/suspension", Map.of("suspensionReason", "Structure fermée.")),
        Map.entry("/agents/fiches/{id}/fusion", Map.of("duplicateId", "{doublon}")),
        Map.entry("/agents/import/confirmation", Map.of("contenu", "x", "empreinte", "y", "nomFichier", "fournisseurs.csv")),
        Map.entry("/admin/comptes/invitations", Map.of("email", "{invitation}", "displayName", "Invitée Test", "role", "ADMIN",
            "direction", "")),
        Map.entry("/favoris", Map.of("name", "Liste de quelqu’un d’autre")),
        Map.entry("/favoris/ajouter", Map.of("fournisseur", "{publie}", "liste", "{favoris}")),
        Map.entry("/favoris/{id}/retrait", Map.of("fournisseur", "{publie}")),
        Map.entry("/recherches-enregistrees", Map.of("name", "Espaces verts", "query", "q=tonte")),
        Map.entry("/achats-moins-40k", Map.of("object", "Entretien du parc", "sector", "espaces-verts-entretien", "commune", "Bondy")),
        Map.entry("/achats-moins-40k/{id}/selection", Map.of("fournisseur", "0")),
        Map.entry("/agents/programmation", PROGRAMMING_LINE),
        Map.entry("/agents/achats", Map.of("object", "Achat refusé", "amount", "1000", "notifiedOn", "02/03/2026",
            "procedure", "ADAPTED", "holders", "55204599900869", "direction", "Direction des sports")),
        Map.entry("/agents/import-achats/confirmation", Map.of("contenu", "x", "empreinte", "y", "type", "DECP")),
        Map.entry("/agents/import-programmation/confirmation", Map.of("contenu", "x", "empreinte", "y")),
        Map.entry("/agents/programmation/{id}/modifier", PROGRAMMING_LINE),
        Map.entry("/agents/programmation/{id}/statut", Map.of("statut", "ABANDONED")),
        Map.entry("/agents/rencontres", MEETING),
        Map.entry("/agents/rencontres/{id}/modifier", MEETING),
        Map.entry("/agents/rencontres/{id}/invitations", Map.of("secteurs", "espaces-verts-entretien")),
        Map.entry("/agents/rencontres/{id}/presence", Map.of("inscription", "{inscription}", "presence", "ABSENT")),
        Map.entry("/agents/rencontres/{id}/arrivees", Map.of("siret", "{siretArrivee}", "structure", "Arrivée", "nom", "Sam Durand")),
        Map.entry("/agents/rencontres/{id}/souhaits", Map.of("de", "1", "vers", "2", "priorite", "1")),
        Map.entry("/agents/rencontres/{id}/souhaits/retrait", Map.of("de", "1", "vers", "2")),
        Map.entry("/agents/rencontres/{id}/planning", Map.of("duree", "10", "pauses", "")),
        Map.entry("/agents/rencontres/{id}/planning/deplacement", Map.of("creneau", "0", "table", "1", "nouveauCreneau", "1")),
        Map.entry("/agents/rencontres/{id}/planning/retrait", Map.of("creneau", "0", "table", "1")),
        Map.entry("/agents/rencontres/{id}/planning/ajout", Map.of("creneau", "0", "table", "1", "fournisseur", "2")),
        Map.entry("/rencontres/{eventId}/mes-souhaits", Map.of("vers", "2", "priorite", "1")),
        Map.entry("/rencontres/{eventId}/mes-souhaits/retrait", Map.of("vers", "2")),
        Map.entry("/journal", JOURNAL_ENTRY),
        Map.entry("/journal/{id}/modifier", JOURNAL_ENTRY),
        Map.entry("/agents/achats/{id}/modifier", Map.of("object", "Objet changé par la matrice", "amount", "999", "notifiedOn", "02/03/2026",
            "procedure", "ADAPTED", "holders", "{identifier}")),
        Map.entry("/agents/achats/titulaires-a-qualifier/{identifier}", Map.of("nom", "Qualifiée par la matrice", "type", "EA", "taille", "PME")),
        Map.entry("/journal/consultations", Map.of("liste", "{liste}", "fournisseur", "{publie}", "date", "2026-01-05", "canal", "EMAIL",
            "objet", "Devis", "issue", "QUOTE_REQUESTED", "direction", "Direction des sports")),
        Map.entry("/fiches-sourcing/{id}", Map.of("questions", "Question ?", "resume", "Résumé")),
        Map.entry("/fiches-sourcing/{id}/reponses", Map.of("nomFournisseur", "Atelier", "reponse", "Oui")),
        Map.entry("/agents/demandes-recontact/{id}/attribution-acheteur", Map.of("compte", "{acheteur}")),
        Map.entry("/agents/programmation/{id}/ajout-liste", Map.of("fournisseur", "{publie}", "liste", "favoris-{favoris}")),
        Map.entry("/mon-profil/fiche/modifier", Map.of("name", "Nom changé", "communeQuery", "Bondy")),
        Map.entry("/programmation/mes-alertes", Map.of("frequence", "NONE")),
        Map.entry("/programmation/alertes/frequence/{supplierId}/{signature}", Map.of("frequence", "WEEKLY")),
        Map.entry("/agents/indicateurs/{indicateur}", Map.of("suivi", "on", "publie", "on", "annee", "2033", "cible", "12",
            "typeCible", "COUNT", "mesure", "CONTRACTS")));

    @Inject
    EmbeddedServer server;
    @Inject
    Router router;
    @Inject
    ProgrammingAlerts alerts;
    @Inject
    AccountService accounts;
    @Inject
    DirectoryService directory;
    @Inject
    RecontactQueueService recontacts;
    @Inject
    FavouritesService favourites;
    @Inject
    SavedSearchService searches;
    @Inject
    ShortlistService shortlists;
    @Inject
    ProgrammingService programming;
    @Inject
    JournalService journal;
    @Inject
    SourcingJournal sourcingJournal;
    @Inject
    IndicatorSettings indicatorSettings;
    @Inject
    PurchaseService purchases;
    @Inject
    PurchaseRecords purchaseRecords;
    @Inject
    EventService events;
    @Inject
    Clock clock;
    @Inject
    RegistrationService registrations;
    @Inject
    InvitationService invitations;

    private final Map<Who, WebClient> clients = new EnumMap<>(Who.class);
    /** What {id} stands for under each controller path. */
    private final Map<String, String> idsByPrefix = new LinkedHashMap<>();
    /** Other placeholders of routes and form fields. */
    private final Map<String, String> values = new HashMap<>();

    private long supplierId;
    private long publishedId;
    private long duplicateId;
    private long recontactId;
    private long targetAccountId;
    private String invitationEmail;
    private long listId;
    private long savedSearchId;
    private long shortlistId;
    private long lineId;
    private long entryId;
    private long purchaseId;
    private JournalService.Viewer staffViewer;
    private long eventId;

    @BeforeAll
    void signInOncePerRoleAndCreateTheFixtures() {
        // one signed-in browser per caller of the matrix (in parallel: each sign-in costs an Argon2 hash and check)
        Set<Who> callers = cases().map(Case::who).collect(Collectors.toCollection(() -> EnumSet.noneOf(Who.class)));
        callers.add(Who.BUYER);
        callers.add(Who.STAFF);
        Map<Who, CompletableFuture<String>> emails = new EnumMap<>(Who.class);
        ExecutorService signIns = Executors.newFixedThreadPool(callers.size());
        for (Who who : callers) {
            WebClient client = new WebClient(server.getURI());
            clients.put(who, client);
            if (who.role != null) {
                emails.put(who, CompletableFuture.supplyAsync(() -> {
                    String email = TestAccounts.create(accounts, who.role);
                    assertEquals(303, client.signIn(email, TestAccounts.PASSWORD).statusCode(), "connexion " + who.label);
                    return email;
                }, signIns));
            }
        }
        // a pending profile with a label and a recontact request, and a second establishment of the same SIREN
        String siren = Sirets.next().substring(0, 9);
        Supplier supplier = TestSuppliers.register(directory, draft -> {
            draft.siret = TestSuppliers.newSiret(siren);
            draft.label("qualiopi", "https://example.org/certificat", "2030-01-31");
            draft.recontact("Présenter notre offre d’entretien");
        });
        supplierId = supplier.id();
        duplicateId = TestSuppliers.register(directory, draft -> draft.siret = TestSuppliers.newSiret(siren)).id();
        recontactId = recontacts.ofSupplier(supplierId).get(0).request().id();
        Supplier published = TestSuppliers.publish(directory);

        // the caller's own CSRF token, read from a page of its session (anonymous visitors: the sign-in form)
        clients.forEach((who, client) -> {
            if (who.role != null) {
                emails.get(who).join();
            }
            assertEquals(200, client.get(who.role == null ? "/connexion" : "/").statusCode(), who.label);
            assertNotNull(client.csrfToken(), "jeton CSRF de la session : " + who.label);
        });
        signIns.shutdown();
        long ownerId = accounts.findByEmail(emails.get(Who.BUYER).join()).orElseThrow().id();

        // the account the administrators' actions are tried on: invited (no password to hash), enabled
        Account staff = accounts.findByEmail(emails.get(Who.STAFF).join()).orElseThrow();
        targetAccountId = accounts.invite("cible-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example",
            "Compte cible", Role.BUYER, "Direction des sports", staff, "127.0.0.1").id();
        invitationEmail = "invitation-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";

        // the owner's favourites list (with the published supplier), saved search and shortlist (with it selected)
        FavouriteList list = ((FavouritesService.Creation.Created) favourites.create(ownerId, "Espaces verts")).list();
        assertTrue(favourites.add(list, published.id()));
        listId = list.id();
        savedSearchId = searches.save(ownerId, "Tonte", "q=tonte").id();
        Shortlist shortlist = shortlists.save(ownerId, new ShortlistService.Need("Entretien du parc", "espaces-verts-entretien",
            "93010", null, false), List.of(published.id()));
        shortlists.select(shortlist, List.of(published.id()));
        shortlistId = shortlist.id();

        // a programming line of a direction that neither buyer of the matrix belongs to
        lineId = TestLines.create(programming, draft -> draft.direction = "Direction de l’environnement");
        idsByPrefix.put("/agents/programmation/", String.valueOf(lineId));
        // the refusal comes before the import is looked up: any number will do
        idsByPrefix.put("/agents/import-programmation/", "1");
        idsByPrefix.put("/fiches-sourcing/", String.valueOf(lineId));

        // a journal entry of a staff member for another direction than the buyers' (neither may read it, staff may not edit it)
        Account author = accounts.findByEmail(TestAccounts.create(accounts, Role.STAFF)).orElseThrow();
        JournalService.Viewer authorViewer = journal.viewer(author.id(), author.displayName(), true);
        entryId = ((JournalService.Saved.Done) journal.create(new JournalEntryForm(String.valueOf(published.id()), null, null,
            MATRIX_DIRECTION, "2026-01-05", "CALL", "Présentation", null, null, null, null, "INFORMED", "Notes"), authorViewer)).entry().id();
        staffViewer = journal.viewer(staff.id(), staff.displayName(), true);
        idsByPrefix.put("/journal/", String.valueOf(entryId));
        values.put("{liste}", String.valueOf(shortlistId));
        values.put("{acheteur}", String.valueOf(ownerId));
        // a purchase of a direction that neither buyer of the matrix belongs to
        purchaseId = TestPurchases.create(purchases, "Direction de l’environnement", staff.id());
        idsByPrefix.put("/agents/achats/", String.valueOf(purchaseId));
        values.put("{identifier}", purchaseRecords.find(List.of(purchaseId)).get(0).holders().get(0).identifier());
        values.put("{ligne}", String.valueOf(lineId));
        // an event of a few places, one taken
        eventId = TestEvents.create(events, clock, draft -> draft.capacity = 3).id();
        RegistrationService.Outcome registered = registrations.registerSupplier(eventId, new SupplierRegistrationForm(Sirets.next(),
            "Atelier de la matrice", "Camille Martin", "matrice-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example", null));
        values.put("{inscription}", String.valueOf(((RegistrationService.Outcome.Registered) registered).registration().id()));
        values.put("{siretArrivee}", Sirets.next());
        idsByPrefix.put("/agents/rencontres/", String.valueOf(eventId));
        values.put("{eventId}", String.valueOf(eventId));
        idsByPrefix.put("/agents/fiches/", String.valueOf(supplierId));
        idsByPrefix.put("/agents/demandes-recontact/", String.valueOf(recontactId));
        idsByPrefix.put("/admin/comptes/", String.valueOf(targetAccountId));
        idsByPrefix.put("/favoris/", String.valueOf(listId));
        idsByPrefix.put("/recherches-enregistrees/", String.valueOf(savedSearchId));
        idsByPrefix.put("/achats-moins-40k/", String.valueOf(shortlistId));
        values.put("{code}", "qualiopi");
        values.put("{indicateur}", "RECONTACT");
        values.put("{kind}", "RECONTACT");
        values.put("{doublon}", String.valueOf(duplicateId));
        values.put("{publie}", String.valueOf(published.id()));
        values.put("{supplierId}", String.valueOf(published.id()));
        values.put("{signature}", "0123456789abcdef");
        publishedId = published.id();
        values.put("{favoris}", String.valueOf(listId));
        values.put("{invitation}", invitationEmail);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefused(Case refusal) {
        WebClient client = clients.get(refusal.who());
        String path = resolve(refusal.route());
        HttpResponse<String> response;
        if (refusal.body() == Body.NONE) {
            response = client.get(path);
        } else {
            // the form carries the token of the caller's session (read from its last page, see the set-up)
            assertNotNull(client.csrfToken(), "jeton CSRF de la session : " + refusal);
            List<Object> before = state();
            response = refusal.body() == Body.MULTIPART ? upload(client, path) : client.post(path, form(refusal.route()));
            assertEquals(before, state(), "rien ne doit avoir changé après le refus : " + refusal);
        }
        check(refusal, path, response);
    }

    /** Every message names the case, so that a failure in the build log says which line of the matrix broke. */
    private void check(Case refusal, String path, HttpResponse<String> response) {
        String location = response.headers().firstValue("location").orElse("");
        String body = response.body();
        String what = refusal + " (" + path + ") : " + response.statusCode() + " " + location + "\n"
            + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        switch (refusal.expect()) {
            case SIGN_IN -> {
                if (path.startsWith("/api/")) {
                    assertEquals(401, response.statusCode(), what);
                    assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"), what);
                    assertTrue(response.body().contains("\"message\""), what);
                } else {
                    assertEquals(303, response.statusCode(), what);
                    assertTrue(location.startsWith("/connexion?retour="), what);
                    assertEquals(path, URLDecoder.decode(location.substring("/connexion?retour=".length()), StandardCharsets.UTF_8),
                        "retour à la page demandée après la connexion : " + what);
                }
            }
            case FORBIDDEN -> {
                assertEquals(403, response.statusCode(), what);
                assertEquals("Accès refusé", Jsoup.parse(response.body()).selectFirst("h1").text(), what);
                assertFalse(response.body().contains(CSRF_REFUSAL), "refusé par l’autorisation, pas par le filtre CSRF : " + what);
            }
            case ASK_FOR_A_LINK -> {
                assertEquals(303, response.statusCode(), what);
                assertEquals(SUPPLIER_SPACE_REFUSAL, location, what);
                assertTrue(response.headers().firstValue("content-disposition").isEmpty(), what);
                assertTrue(response.body().isEmpty(), what);
            }
            case FORBIDDEN_JSON -> {
                assertEquals(403, response.statusCode(), what);
                assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"), what);
                assertTrue(response.body().contains("\"message\""), what);
            }
            case ASK_FOR_A_LINK_AND_COME_BACK -> {
                assertEquals(303, response.statusCode(), what);
                assertEquals("/mon-profil?retour=" + URLEncoder.encode(path, StandardCharsets.UTF_8), location, what);
                assertTrue(response.body().isEmpty(), what);
            }
            case FORGED_LINK -> {
                assertEquals(404, response.statusCode(), what);
                assertTrue(Jsoup.parse(response.body()).text().contains("n’est pas valide"), what);
            }
            case NOT_ONE_OF_YOUR_LISTS -> {
                assertEquals(422, response.statusCode(), what);
                assertTrue(Jsoup.parse(response.body()).text().contains("Choisissez une de vos listes."), what);
            }
        }
    }

    /**
     * Every route the router knows that is not open to anonymous visitors has a line for anonymous visitors and one
     * for each signed-in role it does not admit; each route with an {id} open to buyers has a line for another buyer;
     * every route of the supplier space and of a structure's alerts has a line; and every line names a real route.
     */
    @Test
    void everyProtectedRouteHasItsLines() {
        List<Case> cases = cases().toList();
        Set<String> known = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        router.uriRoutes().forEach((UriRouteInfo<?, ?> route) -> {
            String method = route.getHttpMethodName();
            if (method.equals("HEAD")) {
                return; // the HEAD twin of each GET route runs the same handler, under the same rule
            }
            String template = route.getUriMatchTemplate().toString();
            known.add(method + " " + template);
            // read as SecuredAnnotationRule reads it: the method's @Secured, else its controller's
            List<String> secured = Arrays.asList(route.getAnnotationMetadata().getValue(Secured.class, String[].class).orElse(new String[0]));
            if (template.startsWith("/mon-profil/fiche") || template.equals("/mon-profil/donnees.json")
                || template.startsWith("/programmation/mes-alertes") || template.startsWith("/programmation/alertes/")) {
                if (cases.stream().noneMatch(c -> c.method().equals(method) && c.route().equals(template))) {
                    missing.add(method + " " + template + " (espace fournisseur ou lien signé)");
                }
                return;
            }
            if (secured.contains(SecurityRule.IS_ANONYMOUS)) {
                return;
            }
            List<Who> required = new ArrayList<>(List.of(Who.ANONYMOUS));
            for (Role role : Role.invitable()) {
                if (!secured.contains(role.name()) && !secured.contains(SecurityRule.IS_AUTHENTICATED)) {
                    required.add(Who.valueOf(role.name()));
                }
            }
            if (template.contains("{id}") && secured.contains(Role.BUYER.name())) {
                required.add(Who.OTHER_BUYER);
            }
            for (Who who : required) {
                if (cases.stream().noneMatch(c -> c.method().equals(method) && c.route().equals(template) && c.who() == who)) {
                    missing.add(method + " " + template + " — " + who.label + " " + secured);
                }
            }
        });
        assertTrue(missing.isEmpty(), "routes protégées sans leur ligne dans la matrice :\n" + String.join("\n", missing));
        List<String> unknown = cases.stream().map(c -> c.method() + " " + c.route()).filter(r -> !known.contains(r)).distinct().toList();
        assertTrue(unknown.isEmpty(), "lignes de la matrice qui ne sont pas des routes : " + unknown);
    }

    private String resolve(String template) {
        String path = template;
        if (path.contains("{id}")) {
            String prefix = idsByPrefix.keySet().stream().filter(template::startsWith).findFirst()
                .orElseThrow(() -> new AssertionError("pas de donnée de test pour {id} de " + template));
            path = path.replace("{id}", idsByPrefix.get(prefix));
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace(value.getKey(), value.getValue());
        }
        return path;
    }

    private Map<String, String> form(String route) {
        return FORMS.getOrDefault(route, Map.of()).entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> resolve(e.getValue()), (a, b) -> a, LinkedHashMap::new));
    }

    /** What a refused post must leave as it was, read from the services (cheap: a few queries). */
    private List<Object> state() {
        Supplier supplier = directory.find(supplierId).orElseThrow();
        return List.of(
            supplier.status(), supplier.reviewNeeded(), directory.history(supplierId).size(),
            directory.view(supplier).labels().stream().map(label -> label.labelCode() + ":" + label.verified()).toList(),
            directory.find(duplicateId).orElseThrow().status(),
            recontacts.find(recontactId).orElseThrow(),
            accounts.find(targetAccountId).orElseThrow().enabled(),
            accounts.findByEmail(invitationEmail).isPresent(),
            favourites.find(listId).map(list -> favourites.entries(list, 0, 50).getTotalSize()).orElse(-1L),
            searches.find(savedSearchId).<Object>map(search -> search.subscribed()).orElse("supprimée"),
            shortlists.selectedIds(shortlists.find(shortlistId).orElseThrow()),
            programming.find(lineId).map(line -> line.object() + line.status() + line.published()).orElseThrow(),
            programming.staffList(2027, null, null, TestLines.staff(), 0, 1).total(),
            indicatorSettings.of("RECONTACT"), indicatorSettings.targets("RECONTACT"),
            journal.readable(entryId, staffViewer).orElseThrow().entry(),
            purchaseRecords.find(List.of(purchaseId)).get(0),
            sourcingJournal.contacts(SourcingJournal.Period.year(2026), "Direction des sports"),
            sourcingJournal.contacts(SourcingJournal.Period.year(2026), MATRIX_DIRECTION),
            purchaseRecords.totals(2026).all().count(),
            alerts.choice(publishedId),
            events.find(eventId).map(event -> event.title() + event.capacity()).orElse("supprimé"),
            events.registrations(eventId).stream().map(r -> r.status().name() + r.attendance()).toList(),
            invitations.invited(eventId));
    }

    /** A multipart upload like the import page's form: the token as the {@code _csrf} part, the file as {@code fichier}. */
    private HttpResponse<String> upload(WebClient client, String path) {
        byte[] file = ("siret;raison_sociale\r\n" + TestSuppliers.newSiret() + ";Atelier importé\r\n").getBytes(StandardCharsets.UTF_8);
        return client.upload(path, client.csrfToken(), "fournisseurs.csv", "text/csv", file);
    }
}
