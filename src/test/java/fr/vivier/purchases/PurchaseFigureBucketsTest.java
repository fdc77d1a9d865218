package fr.vivier.purchases;

import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.sourcing.JournalService;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.Sirets;
import fr.vivier.testsupport.TestAccounts;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The indicators read the purchases' figures from per-month and direction pre-aggregates (V19): after every kind of
 * write — entry, correction through the form (amount, date into another year, direction, holders), a holder's attribute
 * changed in the database, a deletion, a bucket computed under an older definition, many buckets stale at once — the
 * figures read equal those computed straight from the records, for the directions involved and the whole authority,
 * both years.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurchaseFigureBucketsTest implements IntegrationTest {
    @Inject
    PurchaseFigures figures;
    @Inject
    PurchaseFiguresRepository repository;
    @Inject
    PurchaseService purchases;
    @Inject
    DirectoryService directory;
    @Inject
    AccountService accounts;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> transactions;

    private final String direction = "Direction agrégats " + UUID.randomUUID().toString().substring(0, 8);
    private final String otherDirection = "Direction voisine " + UUID.randomUUID().toString().substring(0, 8);
    private long accountId;
    private Supplier sme;
    private Supplier large;

    @BeforeAll
    void accountAndHolders() {
        accountId = accounts.findByEmail(TestAccounts.create(accounts, Role.STAFF)).orElseThrow().id();
        sme = TestSuppliers.publish(directory, draft -> {
            draft.kind = "ACI";
            draft.size = "TPE";
            draft.communeCode = "93010";
        });
        large = TestSuppliers.publish(directory, draft -> {
            draft.kind = "COMPANY";
            draft.legalForm = "SAS";
            draft.size = "GE";
            draft.communeCode = "75056";
        });
    }

    @Test
    void figuresReadEqualTheRecordsAfterEveryWrite() {
        long first = enter(direction, "15/02/2026", "10000", sme.siret());
        long second = enter(direction, "20/05/2026", "30000", large.siret());
        enter(direction, "01/08/2025", "5000", Sirets.next());
        assertSameAsRecords();
        assertEquals(2, figures.byQuarter(2026, direction).stream().mapToLong(q -> q.share(PurchaseFigures.Measure.ALL).count()).sum());

        correct(first, direction, "31/12/2025", "12000", large.siret());
        assertSameAsRecords();
        correct(second, otherDirection, "20/05/2026", "30000", large.siret() + ";" + sme.siret());
        assertSameAsRecords();
        assertEquals(1, figures.byQuarter(2026, otherDirection).get(0).share(PurchaseFigures.Measure.SME).count());

        write("UPDATE purchase_party SET size = NULL WHERE purchase_id = ? AND role = 'HOLDER'", first);
        assertSameAsRecords();
        write("DELETE FROM purchase WHERE id = ?", second);
        assertSameAsRecords();
        assertEquals(List.of(), figures.byQuarter(2026, otherDirection));

        write("UPDATE purchase_figure_bucket SET definition = 'ancienne', records = array_fill(0::bigint, ARRAY[cardinality(records)]) "
            + "WHERE year = ?", 2025);
        assertSameAsRecords();

        // many buckets stale at once, as after an import: recomputed in one pass over the year
        write("UPDATE purchase_figure_bucket SET records = array_fill(0::bigint, ARRAY[cardinality(records)]) WHERE year = ?", 2026);
        write("INSERT INTO purchase_figure_stale (year, month, direction_key) SELECT year, month, direction_key FROM purchase_figure_bucket "
            + "WHERE year = ? UNION SELECT 2026, 1 + n % 12, 'direction sans achat ' || n FROM generate_series(1, 30) n ON CONFLICT DO NOTHING", 2026);
        assertSameAsRecords();
    }

    private void assertSameAsRecords() {
        for (int year : new int[] {2025, 2026}) {
            for (String scope : new String[] {direction, otherDirection.toUpperCase(), null}) {
                assertEquals(comparable(transactions.executeRead(status -> repository.fromRecords(year, scope))),
                    comparable(figures.byQuarter(year, scope)), year + " " + scope);
            }
        }
    }

    /** Amounts by value, whatever their scale (100 and 100.00 are the same figure). */
    private static List<String> comparable(List<PurchaseFigures.Quarter> quarters) {
        List<String> figures = new ArrayList<>();
        for (PurchaseFigures.Quarter quarter : quarters) {
            Map<PurchaseFigures.Measure, String> shares = new EnumMap<>(PurchaseFigures.Measure.class);
            quarter.shares().forEach((measure, share) -> shares.put(measure, share.count() + " / " + share.amount().stripTrailingZeros().toPlainString()));
            figures.add("T" + quarter.quarter() + " " + shares + " heures " + quarter.insertionHoursAchieved());
        }
        return figures;
    }

    private long enter(String ofDirection, String date, String amount, String holders) {
        return PurchaseSheets.enter(purchases, accountId, cells(ofDirection, date, amount, holders));
    }

    private void correct(long id, String ofDirection, String date, String amount, String holders) {
        Map<Column, String> byColumn = new EnumMap<>(Column.class);
        cells(ofDirection, date, amount, holders).forEach((header, value) -> byColumn.put(
            java.util.Arrays.stream(Column.values()).filter(c -> c.header().equals(header)).findFirst().orElseThrow(), value));
        PurchaseService.Entry entry = purchases.edit(purchases.find(id).orElseThrow(), PurchaseForm.of(byColumn, "", List.of()),
            new JournalService.Viewer(accountId, "", true, null));
        assertEquals(PurchaseService.Entry.Saved.class, entry.getClass(), entry.toString());
    }

    private static Map<String, String> cells(String ofDirection, String date, String amount, String holders) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("objet", "Achat " + date);
        cells.put("direction", ofDirection);
        cells.put("procedure", "Procédure adaptée");
        cells.put("montant_ht", amount);
        cells.put("date_notification", date);
        cells.put("titulaires", holders);
        cells.put("clause_sociale", "oui");
        return cells;
    }

    private void write(String sql, long parameter) {
        transactions.executeWrite(status -> jdbc.prepareStatement(sql, statement -> {
            statement.setLong(1, parameter);
            return statement.executeUpdate();
        }));
    }
}
