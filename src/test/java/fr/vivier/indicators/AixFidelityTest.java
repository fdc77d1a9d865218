package fr.vivier.indicators;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.purchases.ImportReport;
import fr.vivier.purchases.PurchaseImport;
import fr.vivier.purchases.PurchaseService;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.TestAccounts;
import fr.vivier.testsupport.WebClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fidelity to the seeds: Aix-en-Provence's 2022 purchases, rebuilt as DECP records and directory structures
 * ({@link AixFixture}) and imported through the DECP import, give on the dashboard, the public page and the open data
 * exactly the figures of the Aix SPASER (« quelques chiffres (2022) »): 56 M€ HT of purchases, 52 % of contracts with an
 * environmental consideration, 13 % with a social one, 48 % of purchases from firms of the Pays d'Aix, 600 000 € with
 * ESS structures. The authority's territory is the Pays d'Aix here, as it is for Aix.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AixFidelityTest implements IntegrationTest {
    private static final List<String> SEED_INDICATORS = List.of("ENV_CONSIDERATION", "SOCIAL_CONSIDERATION", "LOCAL_SPEND", "ESS_SPEND");

    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    PurchaseService purchases;
    @Inject
    IndicatorSettings settings;
    @Inject
    IndicatorCatalogue catalogue;
    @Inject
    AccountService accounts;
    @Inject
    JsonMapper json;

    private final AixFixture aix = AixFixture.build();
    private ImportReport firstImport;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.territory.codes", AixFixture.PAYS_D_AIX);
    }

    @BeforeAll
    void importAix2022AndPublishTheSeedsIndicators() {
        aix.register(directory);
        firstImport = importDecp();
        for (String code : SEED_INDICATORS) {
            assertEquals(Map.of(), settings.save(catalogue.find(code).orElseThrow(), new SettingForm("on", "on", "", "2022", "", "", ""),
                true, "Agent de test"), code);
        }
    }

    private ImportReport importDecp() {
        return purchases.importFile(PurchaseService.FileKind.DECP, new ByteArrayInputStream(aix.decp().getBytes(StandardCharsets.UTF_8)),
            true, null, PurchaseImport.Progress.NONE);
    }

    @Test
    void theFixtureHoldsTheSeedsFiguresInItsRecordsNotInThePortal() {
        List<AixFixture.Contract> contracts = aix.contracts();
        assertEquals(AixFixture.CONTRACTS, contracts.size());
        assertEquals(0, AixFixture.TOTAL.compareTo(sum(contracts)));
        assertEquals(AixFixture.ENVIRONMENTAL, contracts.stream().filter(AixFixture.Contract::hasEnvironmental).count());
        assertEquals(AixFixture.SOCIAL, contracts.stream().filter(AixFixture.Contract::hasSocial).count());
        assertEquals(0, AixFixture.LOCAL.compareTo(sum(contracts.stream().filter(c -> c.holder().local()).toList())));
        assertEquals(0, AixFixture.ESS.compareTo(sum(contracts.stream().filter(c -> c.holder().ess()).toList())));
        // 26 880 000 of 56 000 000 € is 48 %
        assertEquals(new BigDecimal("48.0"), Figure.percent(AixFixture.LOCAL, AixFixture.TOTAL));
        assertEquals(aix.decp(), AixFixture.build().decp(), "the same file on every build");
    }

    @Test
    void everyRecordIsImportedAndASecondImportChangesNothing() {
        assertEquals(0, firstImport.count(ImportReport.Outcome.REFUSED), firstImport.lines().toString());
        assertEquals(AixFixture.CONTRACTS, firstImport.count(ImportReport.Outcome.CREATED) + firstImport.count(ImportReport.Outcome.UNCHANGED));
        ImportReport again = importDecp();
        assertEquals(AixFixture.CONTRACTS, again.count(ImportReport.Outcome.UNCHANGED));
    }

    @Test
    void theDashboardShowsAixFigures() {
        WebClient staff = new WebClient(server.getURI());
        assertEquals(303, staff.signIn(TestAccounts.create(accounts, Role.STAFF), TestAccounts.PASSWORD).statusCode());
        assertSeedFigures(staff.page("/agents/indicateurs?annee=2022"));
    }

    @Test
    void thePublicPageShowsAixFigures() {
        assertSeedFigures(new WebClient(server.getURI()).page("/indicateurs?annee=2022"));
    }

    private static void assertSeedFigures(Document page) {
        assertEquals("52 %", headline(page, "ENV_CONSIDERATION"));
        assertTrue(details(page, "ENV_CONSIDERATION").contains("Marchés : 52 sur 100 (52 %)"), details(page, "ENV_CONSIDERATION"));
        assertEquals("13 %", headline(page, "SOCIAL_CONSIDERATION"));
        assertTrue(details(page, "SOCIAL_CONSIDERATION").contains("Marchés : 13 sur 100 (13 %)"), details(page, "SOCIAL_CONSIDERATION"));
        assertTrue(details(page, "SOCIAL_CONSIDERATION").contains(" sur 56 000 000 € HT"), details(page, "SOCIAL_CONSIDERATION"));
        assertTrue(details(page, "LOCAL_SPEND").contains("Montant : 26 880 000 € HT sur 56 000 000 € HT (48 %)"), details(page, "LOCAL_SPEND"));
        assertEquals("600 000 € HT", headline(page, "ESS_SPEND"));
        for (String code : SEED_INDICATORS) {
            assertTrue(card(page, code).select(".non-renseigne").isEmpty(), code + " : every holder is in the directory");
        }
    }

    @Test
    void everyRecordBehindAFigureIsReachablePageByPageAndExportedWhole() throws IOException {
        WebClient staff = new WebClient(server.getURI());
        assertEquals(303, staff.signIn(TestAccounts.create(accounts, Role.STAFF), TestAccounts.PASSWORD).statusCode());
        String all = "/agents/indicateurs/SOCIAL_CONSIDERATION/enregistrements?annee=2022&partie=denominateur";
        Set<String> seen = new TreeSet<>();
        Document page = staff.page(all);
        assertTrue(page.selectFirst("caption").text().startsWith("100 enregistrement(s), page 1 sur 2"), page.selectFirst("caption").text());
        page.select("tbody tr").forEach(row -> seen.add(row.selectFirst("td").text()));
        assertEquals(DrillRecord.Page.SIZE, seen.size());
        Document second = staff.page(page.selectFirst("nav.pagination a[rel=next]").attr("href"));
        second.select("tbody tr").forEach(row -> seen.add(row.selectFirst("td").text()));
        assertEquals(aix.contracts().stream().map(AixFixture.Contract::id).collect(Collectors.toCollection(TreeSet::new)), seen);
        assertTrue(second.select("nav.pagination a[rel=next]").isEmpty());

        HttpResponse<String> csv = staff.get(all.replace("/enregistrements?", "/enregistrements.csv?"));
        assertEquals(200, csv.statusCode());
        assertEquals(1 + AixFixture.CONTRACTS, csv.body().strip().split("\r\n").length);
        HttpResponse<byte[]> xlsx = staff.download(all.replace("/enregistrements?", "/enregistrements.xlsx?"));
        assertEquals(200, xlsx.statusCode());
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(AixFixture.CONTRACTS, sheet.getLastRowNum());
            double total = 0;
            for (int row = 1; row <= sheet.getLastRowNum(); row++) {
                total += sheet.getRow(row).getCell(4).getNumericCellValue();
            }
            assertEquals(56_000_000d, total, 0.001, "the amounts are numbers that add up to the year");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenDataGivesAixFiguresAsNumbers() throws IOException {
        HttpResponse<String> answer = new WebClient(server.getURI()).get("/api/v1/indicators?year=2022");
        assertEquals(200, answer.statusCode());
        List<Map<String, Object>> indicators = (List<Map<String, Object>>) json.readValue(answer.body(), Map.class).get("indicators");
        Map<String, Object> env = figures(indicators, "ENV_CONSIDERATION");
        assertNumber(52, env.get("count"));
        assertNumber(100, env.get("totalCount"));
        assertNumber(52, env.get("percentOfCount"));
        assertNumber(56_000_000, env.get("totalAmountHt"));
        Map<String, Object> social = figures(indicators, "SOCIAL_CONSIDERATION");
        assertNumber(13, social.get("percentOfCount"));
        assertNumber(56_000_000, social.get("totalAmountHt"));
        Map<String, Object> local = figures(indicators, "LOCAL_SPEND");
        assertNumber(48, local.get("percentOfAmount"));
        assertNumber(26_880_000, local.get("amountHt"));
        assertNumber(56_000_000, local.get("totalAmountHt"));
        assertNumber(0, local.get("unknownCount"));
        Map<String, Object> ess = figures(indicators, "ESS_SPEND");
        assertNumber(600_000, ess.get("amountHt"));
        assertNumber(0, ess.get("unknownCount"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures(List<Map<String, Object>> indicators, String code) {
        Map<String, Object> indicator = indicators.stream().filter(i -> i.get("code").equals(code)).findFirst()
            .orElseThrow(() -> new AssertionError(code + " absent de l’API"));
        return (Map<String, Object>) indicator.get("figures");
    }

    private static void assertNumber(long expected, Object actual) {
        assertNotNull(actual);
        assertEquals(0, BigDecimal.valueOf(expected).compareTo(new BigDecimal(actual.toString())), "attendu " + expected + ", reçu " + actual);
    }

    private static BigDecimal sum(List<AixFixture.Contract> contracts) {
        return contracts.stream().map(c -> BigDecimal.valueOf(c.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Element card(Document page, String code) {
        Element card = page.getElementById("indicateur-" + code);
        assertNotNull(card, code + " absent de la page : " + page.text());
        return card;
    }

    private static String headline(Document page, String code) {
        return spaced(card(page, code).selectFirst(".chiffre__valeur").text());
    }

    private static String details(Document page, String code) {
        return spaced(card(page, code).select(".details-chiffre li").eachText().toString());
    }

    private static String spaced(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
