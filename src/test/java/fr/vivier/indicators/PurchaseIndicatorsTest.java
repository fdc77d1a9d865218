package fr.vivier.indicators;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.purchases.PurchaseService;
import fr.vivier.purchases.PurchaseSheets;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.Sirets;
import fr.vivier.testsupport.TestAccounts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access-to-procurement set and the social and environmental shares, from five purchases of one direction in 2026
 * whose figures are worked out by hand below (never with the production query):
 * <pre>
 * P1  Q1  10 000  holder A (ACI, TPE, Bondy: local, SIAE, ESS)  forfaitaire, avance, variantes, clause sociale, réservé SIAE
 * P2  Q1  30 000  holder B (entreprise, PME, Paris)              forfaitaire, sans avance, clause environnementale « énergie »
 * P3  Q2  60 000  holder C (entreprise, GE, Bondy: local)        forfaitaire, cahier des charges fonctionnel
 * P4  Q3   5 000  holder X (not in the directory)                unitaire
 * P5  Q4 100 000  holders C and A (groupement)                  forme du prix non renseignée
 * </pre>
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurchaseIndicatorsTest implements IntegrationTest {
    @Inject
    IndicatorFigures figures;
    @Inject
    IndicatorCatalogue catalogue;
    @Inject
    PurchaseService purchases;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;

    private final String direction = "Direction achats " + UUID.randomUUID().toString().substring(0, 8);
    private long accountId;
    private Supplier companyB;

    @BeforeAll
    void fivePurchasesOfOneDirection() {
        accountId = accounts.findByEmail(TestAccounts.create(accounts, Role.STAFF)).orElseThrow().id();
        Supplier siaeA = TestSuppliers.publish(directory, draft -> {
            draft.kind = "ACI";
            draft.size = "TPE";
            draft.communeCode = "93010";
        });
        companyB = TestSuppliers.publish(directory, draft -> {
            draft.kind = "COMPANY";
            draft.legalForm = "SAS";
            draft.size = "PME";
            draft.communeCode = "75056";
        });
        Supplier companyC = TestSuppliers.publish(directory, draft -> {
            draft.kind = "COMPANY";
            draft.legalForm = "SAS";
            draft.size = "GE";
            draft.communeCode = "93010";
        });
        enter("15/02/2026", "10000", siaeA.siret(), Map.of("forme_prix", "Forfaitaire", "avance", "oui", "variantes", "oui",
            "clause_sociale", "oui", "marche_reserve", "SIAE"));
        enter("20/03/2026", "30000", companyB.siret(), Map.of("forme_prix", "Forfaitaire", "avance", "non",
            "clause_environnementale", "oui", "themes_environnementaux", "énergie / EnR"));
        enter("10/05/2026", "60000", companyC.siret(), Map.of("forme_prix", "Forfaitaire", "specification_fonctionnelle", "oui"));
        enter("01/08/2026", "5000", Sirets.next(), Map.of("forme_prix", "Unitaire"));
        enter("01/11/2026", "100000", companyC.siret() + ";" + siaeA.siret(), Map.of("groupement", "Conjoint"));
    }

    private void enter(String date, String amount, String holders, Map<String, String> more) {
        Map<String, String> cells = new LinkedHashMap<>(Map.of("objet", "Achat " + date, "direction", direction,
            "procedure", "Procédure adaptée", "montant_ht", amount, "date_notification", date, "titulaires", holders));
        cells.putAll(more);
        PurchaseSheets.enter(purchases, accountId, cells);
    }

    private Figure year(String code) {
        IndicatorView view = figures.view(catalogue.find(code).orElseThrow(), 2026, new Scope(direction));
        assertTrue(view.computed(), code);
        return view.total();
    }

    private static void assertTally(long count, String amount, Tally tally) {
        assertEquals(count, tally.count());
        assertEquals(0, new BigDecimal(amount).compareTo(tally.amount()), "montant attendu " + amount + ", calculé " + tally.amount());
    }

    @Test
    void smeContractsCountTheKnownHoldersAndShowTheUnknownApart() {
        Figure figure = year("SME_CONTRACTS");
        // TPE/PME: P1 (A), P2 (B), P5 (A in the group) = 3 records, 140 000 €; holders known: P1, P2, P3, P5 = 200 000 €; P4 unknown
        assertTally(3, "140000", figure.numerator());
        assertTally(4, "200000", figure.denominator());
        assertTally(1, "5000", figure.unknown());
        assertEquals(new BigDecimal("75.0"), figure.percentOfCount().orElseThrow());
        assertEquals(new BigDecimal("70.0"), figure.percentOfAmount().orElseThrow());
        assertEquals(new BigDecimal("70.0"), year("SME_SPEND").percentOfAmount().orElseThrow());
    }

    @Test
    void smeUnder40kLooksAtPurchasesUnder40kOnly() {
        Figure figure = year("SME_UNDER_40K");
        // under 40 000 €: P1, P2 (both TPE/PME), P4 (unknown holder)
        assertTally(2, "40000", figure.numerator());
        assertTally(2, "40000", figure.denominator());
        assertTally(1, "5000", figure.unknown());
        assertEquals(new BigDecimal("100.0"), figure.percentOfCount().orElseThrow());
    }

    @Test
    void localEssAndInclusiveSpendFollowTheHoldersAttributes() {
        // local: P1 (A, Bondy), P3 (C, Bondy), P5 = 170 000 of 200 000 € = 85 %
        Figure local = year("LOCAL_SPEND");
        assertTally(3, "170000", local.numerator());
        assertEquals(new BigDecimal("85.0"), local.percentOfAmount().orElseThrow());
        // ESS and SIAE/STPA: P1, P5 (A) = 110 000 of 200 000 € = 55 %
        Figure ess = year("ESS_SPEND");
        assertTally(2, "110000", ess.numerator());
        assertEquals(new BigDecimal("55.0"), ess.percentOfAmount().orElseThrow());
        assertTally(1, "5000", ess.unknown());
        assertTally(2, "110000", year("SIAE_STPA_SPEND").numerator());
    }

    @Test
    void reservedAdvanceAndVariantsFollowTheRecordsClauses() {
        assertTally(1, "10000", year("RESERVED_CONTRACTS").numerator());
        assertNull(year("RESERVED_CONTRACTS").denominator());
        // fixed price under 50 000 €: P1 (advance) and P2 (none): 1 of 2
        Figure advance = year("ADVANCE_UNDER_50K");
        assertTally(1, "10000", advance.numerator());
        assertTally(2, "40000", advance.denominator());
        assertEquals(new BigDecimal("50.0"), advance.percentOfCount().orElseThrow());
        // fixed price: P1 (variants), P2, P3 (functional specification): 2 of 3; P5's price form is not given
        Figure variants = year("VARIANTS");
        assertTally(2, "70000", variants.numerator());
        assertTally(3, "100000", variants.denominator());
        assertEquals(new BigDecimal("66.7"), variants.percentOfCount().orElseThrow());
        assertTally(1, "100000", variants.unknown());
    }

    @Test
    void socialAndEnvironmentalSharesCountEveryRecord() {
        // P1 of the 5 records (10 000 of 205 000 €): 20 % in number, 4.9 % in value
        Figure social = year("SOCIAL_CONSIDERATION");
        assertTally(1, "10000", social.numerator());
        assertTally(5, "205000", social.denominator());
        assertEquals(new BigDecimal("20.0"), social.percentOfCount().orElseThrow());
        assertEquals(new BigDecimal("4.9"), social.percentOfAmount().orElseThrow());
        assertTally(1, "30000", year("ENV_CONSIDERATION").numerator());
        assertTally(1, "30000", year("ENV_ENERGY").numerator());
        assertTally(0, "0", year("ENV_MOBILITY").numerator());
    }

    @Test
    void quartersSplitTheYearByNotificationDate() {
        IndicatorView view = figures.view(catalogue.find("SME_CONTRACTS").orElseThrow(), 2026, new Scope(direction));
        // Q1: P1, P2 (2 of 2); Q2: P3 (0 of 1); Q3: P4 unknown only; Q4: P5 (1 of 1)
        assertTally(2, "40000", view.current().quarters().get(0).numerator());
        assertTally(0, "0", view.current().quarters().get(1).numerator());
        assertTally(1, "60000", view.current().quarters().get(1).denominator());
        assertTally(1, "5000", view.current().quarters().get(2).unknown());
        assertTally(1, "100000", view.current().quarters().get(3).numerator());
        assertEquals(2, figures.records("SME_CONTRACTS", 2026, 1, DrillRecord.Part.NUMERATOR, new Scope(direction)).size());
        assertEquals(1, figures.records("SME_CONTRACTS", 2026, null, DrillRecord.Part.UNKNOWN, new Scope(direction)).size());
        // nothing of the direction in 2025: the comparison says so
        assertEquals("2025 : pas de donnée", view.comparison());
    }

    @Test
    void aSupplierThatBecomesEssAfterItsContractDoesNotChangeLastYearsEssSpend() {
        Figure before = year("ESS_SPEND");
        DirectoryService.RegistrationResult updated = directory.update(companyB.id(), TestSuppliers.draft(draft -> {
            draft.siret = companyB.siret();
            draft.kind = "ESUS";
            draft.legalForm = "SAS";
            draft.size = "PME";
            draft.communeCode = "75056";
        }).toInput(), "test");
        assertTrue(directory.find(companyB.id()).orElseThrow().ess(), "B est maintenant de l’ESS : " + updated);
        Figure after = year("ESS_SPEND");
        assertEquals(before.numerator(), after.numerator());
        assertTally(2, "110000", after.numerator());
    }
}
