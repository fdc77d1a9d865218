package fr.vivier.buyers;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.search.SearchQuery;
import fr.vivier.search.SupplierSearch;
import fr.vivier.testsupport.Await;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.UniqueWords;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.vivier.buyers.BuyerTestData.GREEN_SPACES;
import static fr.vivier.buyers.BuyerTestData.contactEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportControllerTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
    @Inject
    SupplierSearch search;
    @Inject
    fr.vivier.accounts.SecurityAudit audit;
    @Inject
    fr.vivier.testsupport.MutableClock clock;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.exports.max-per-hour", "3");
    }

    private record Published(String word, Supplier consenting, String consentingEmail, Supplier refusing, String refusingEmail) { }

    private Published twoSuppliers() {
        String word = UniqueWords.next();
        String yes = contactEmail();
        String no = contactEmail();
        Supplier consenting = TestSuppliers.publish(directory, d -> {
            d.name = "Jardins " + word;
            d.kind = "ACI";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "Entretien des espaces verts.";
            d.contactEmail = yes;
            d.publishContact = true;
        });
        Supplier refusing = TestSuppliers.publish(directory, d -> {
            d.name = "Paysages " + word;
            d.kind = "COMPANY";
            d.sectors = List.of(GREEN_SPACES);
            d.description = "Élagage et tonte.";
            d.contactEmail = no;
            d.publishContact = false;
        });
        Await.until(() -> search.search(new SearchQuery(word, List.of(), List.of(), List.of(), List.of(), List.of(), null,
            false, false, SearchQuery.Sort.NAME, 1, 20)).total() == 2, Duration.ofSeconds(10));
        return new Published(word, consenting, yes, refusing, no);
    }

    @Test
    void csvHasBomFrenchHeaderEveryRowAndContactsOnlyWithConsent() throws Exception {
        Published data = twoSuppliers();
        WebClient buyer = BuyerTestData.signedIn(server.getURI(), accounts, Role.BUYER);
        HttpResponse<byte[]> response = buyer.download("/fournisseurs/export.csv?q=" + data.word() + "&sort=name");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        assertEquals("attachment; filename=\"fournisseurs-" + today + ".csv\"", response.headers().firstValue("content-disposition").orElse(""));
        byte[] body = response.body();
        assertEquals(0xEF, body[0] & 0xFF);
        assertEquals(0xBB, body[1] & 0xFF);
        assertEquals(0xBF, body[2] & 0xFF);
        List<CSVRecord> records = CSVFormat.EXCEL.builder().setDelimiter(';').get()
            .parse(new StringReader(new String(body, 3, body.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertEquals(List.of("Nom", "Nom commercial", "SIRET", "Type de structure", "ESS", "Taille", "Commune", "Secteurs d’activité",
            "Labels", "Site web", "Page Vivier", "Coordonnées publiées", "Contact", "Fonction", "Courriel", "Téléphone"), records.get(0).toList());
        assertEquals(3, records.size());
        CSVRecord consenting = records.get(1);
        assertEquals("Jardins " + data.word(), consenting.get(0));
        assertEquals(data.consenting().siret(), consenting.get(2));
        assertEquals("oui", consenting.get(4));
        assertEquals("Bondy (93)", consenting.get(6));
        assertTrue(consenting.get(7).contains("spaces verts"), consenting.get(7));
        assertTrue(consenting.get(10).endsWith("/fournisseurs/" + data.consenting().slug()));
        assertEquals("oui", consenting.get(11));
        assertEquals("Camille Martin", consenting.get(12));
        assertEquals(data.consentingEmail(), consenting.get(14));
        assertEquals("01 23 45 67 89", consenting.get(15));
        CSVRecord refusing = records.get(2);
        assertEquals("Paysages " + data.word(), refusing.get(0));
        assertEquals("non", refusing.get(11));
        assertEquals("", refusing.get(12));
        assertEquals("", refusing.get(14));
        assertFalse(new String(body, StandardCharsets.UTF_8).contains(data.refusingEmail()));
    }

    @Test
    void xlsxOpensWithPoiWithBoldFrozenHeaderAndTheRows() throws Exception {
        Published data = twoSuppliers();
        WebClient staff = BuyerTestData.signedIn(server.getURI(), accounts, Role.STAFF);
        HttpResponse<byte[]> response = staff.download("/fournisseurs/export.xlsx?q=" + data.word() + "&sort=name");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-disposition").orElse("").matches("attachment; filename=\"fournisseurs-\\d{4}-\\d{2}-\\d{2}\\.xlsx\""));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(formatter.formatCellValue(cell)));
                rows.add(cells);
            }
            assertEquals(3, rows.size());
            assertEquals("Nom", rows.get(0).get(0));
            assertTrue(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertTrue(sheet.getPaneInformation().isFreezePane());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertEquals("Jardins " + data.word(), rows.get(1).get(0));
            assertEquals(data.consentingEmail(), rows.get(1).get(14));
            assertEquals("Paysages " + data.word(), rows.get(2).get(0));
            assertEquals("non", rows.get(2).get(11));
            assertFalse(rows.get(2).contains(data.refusingEmail()));
        }
    }

    @Test
    void atHalfPastElevenUtcTheFileIsNamedAfterTheParisDate() {
        Published data = twoSuppliers();
        clock.pinTo(java.time.Instant.parse("2026-11-29T23:30:00Z"));
        try {
            WebClient buyer = BuyerTestData.signedIn(server.getURI(), accounts, Role.BUYER);
            HttpResponse<byte[]> response = buyer.download("/fournisseurs/export.csv?q=" + data.word());
            assertEquals("attachment; filename=\"fournisseurs-2026-11-30.csv\"", response.headers().firstValue("content-disposition").orElse(""));
        } finally {
            clock.reset();
        }
    }

    @Test
    void everyExportIsJournaledAndAnAccountGetsAnHourlyQuota() {
        Published data = twoSuppliers();
        String email = fr.vivier.testsupport.TestAccounts.create(accounts, Role.BUYER);
        WebClient buyer = new WebClient(server.getURI());
        assertEquals(303, buyer.signIn(email, fr.vivier.testsupport.TestAccounts.PASSWORD).statusCode());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, buyer.download("/fournisseurs/export.csv?q=" + data.word()).statusCode());
        }
        HttpResponse<byte[]> refused = buyer.download("/fournisseurs/export.xlsx?q=" + data.word());
        assertEquals(429, refused.statusCode());
        assertTrue(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8).contains("beaucoup d’exports"));

        long accountId = BuyerTestData.accountId(accounts, email);
        assertEquals(3, audit.countSince(fr.vivier.accounts.SecurityEvent.CONTACT_EXPORT, accountId, java.time.Instant.now().minusSeconds(3600)));
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        WebClient anonymous = new WebClient(server.getURI());
        for (String path : List.of("/fournisseurs/export.csv?q=jardin", "/fournisseurs/export.xlsx")) {
            HttpResponse<String> response = anonymous.get(path);
            assertEquals(303, response.statusCode(), path);
            assertTrue(response.headers().firstValue("location").orElse("").startsWith("/connexion"), path);
        }
    }

    @Test
    void searchPageStillAnswersNextToTheExportRoutes() {
        assertEquals(200, new WebClient(server.getURI()).get("/fournisseurs?q=jardin").statusCode());
    }
}
