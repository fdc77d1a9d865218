package fr.vivier.bench;

import fr.vivier.purchases.PurchaseFigures;
import io.micronaut.context.ApplicationContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The data the indicators are benchmarked on (issue 12): 10 000 suppliers (the search bench's generator), 200 buyers in
 * ten directions, then N sourcing journal entries and N purchases with their holders, spread over five years, written
 * with COPY. Seeded: the same data on every run. The portal's context is started and closed first so that the database
 * has its migrations and reference data, and again at the end to compute the indicators' pre-aggregates, as an import does.
 * Usage: IndicatorDataGenerator ENTRIES PURCHASES (the database is the one VIVIER_DATABASE_URL names).
 */
public final class IndicatorDataGenerator {
    private static final int SUPPLIERS = 10_000;
    private static final int BUYERS = 200;
    private static final int FIRST_YEAR = 2022;
    private static final int YEARS = 5;
    private static final int ROWS_PER_COPY_CHUNK = 5_000;
    private static final String[] DIRECTIONS = {"Direction des espaces verts", "Direction de la prévention et de la valorisation des déchets",
        "Direction de l’eau et de l’assainissement", "Direction des bâtiments", "Direction de la culture",
        "Direction des piscines et des sports", "Direction du développement économique", "Direction des systèmes d’information",
        "Direction de la communication", "Direction des moyens généraux"};
    private static final String[] CHANNELS = {"MEETING", "CALL", "EMAIL", "VISIT", "QUESTIONNAIRE", "EVENT", "RECONTACT_REQUEST"};
    private static final int[] CHANNEL_WEIGHTS = {15, 25, 35, 5, 8, 10, 2};
    private static final String[] OUTCOMES = {"INFORMED", "QUOTE_REQUESTED", "QUOTE_RECEIVED", "ANSWERED_TENDER", "RETAINED", "NOT_RETAINED"};
    private static final int[] OUTCOME_WEIGHTS = {30, 25, 20, 10, 7, 8};
    private static final String[] PURPOSES = {"Demande de devis", "Présentation de l’offre", "Questionnaire de sourcing",
        "Rencontre acheteurs-fournisseurs", "Visite de l’atelier", "Suivi de la prestation"};
    private static final String[] OBJECTS = {"Entretien des espaces verts", "Nettoyage des locaux", "Fournitures de bureau",
        "Travaux de peinture", "Impression des programmes", "Traiteur", "Collecte des encombrants", "Maintenance des bâtiments",
        "Ordinateurs reconditionnés", "Blanchisserie", "Déménagement", "Gardiennage", "Formation", "Élagage", "Signalétique"};
    private static final String[] PROCEDURES = {"NO_PUBLICITY", "ADAPTED", "OPEN_TENDER", "RESTRICTED_TENDER", "NEGOTIATED"};

    private record Holder(long id, String siret, String name, String kind, String family, String size, boolean ess, boolean local) { }

    private IndicatorDataGenerator() {
    }

    public static void main(String[] args) throws Exception {
        int entries = Integer.parseInt(args[0]);
        int purchases = Integer.parseInt(args[1]);
        ApplicationContext.builder().deduceEnvironment(false).start().close();
        try (Connection connection = DriverManager.getConnection(System.getenv("VIVIER_DATABASE_URL"), System.getenv("VIVIER_DATABASE_USER"),
                System.getenv("VIVIER_DATABASE_PASSWORD"))) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            new BenchLoader(connection).load(SUPPLIERS, new SupplierGenerator(new Reference(), 2026));
            List<Holder> holders = holders(connection);
            List<long[]> buyers = buyers(connection);
            connection.commit();
            System.out.printf(Locale.ROOT, "  %,d fournisseurs et %d acheteurs en %.1f s%n", holders.size(), buyers.size(), seconds(started));
            long journalStart = System.nanoTime();
            journal(connection, entries, holders, buyers);
            System.out.printf(Locale.ROOT, "  %,d contacts du journal en %.1f s%n", entries, seconds(journalStart));
            long purchasesStart = System.nanoTime();
            purchases(connection, purchases, holders);
            System.out.printf(Locale.ROOT, "  %,d achats et leurs titulaires en %.1f s%n", purchases, seconds(purchasesStart));
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE sourcing_entry");
                statement.execute("ANALYZE purchase");
                statement.execute("ANALYZE purchase_party");
            }
            connection.commit();
            long figuresStart = System.nanoTime();
            try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
                context.getBean(PurchaseFigures.class).refreshStale();
            }
            System.out.printf(Locale.ROOT, "  pré-agrégats des indicateurs (purchase_figure_bucket) en %.1f s, démarrage compris%n",
                seconds(figuresStart));
            System.out.printf(Locale.ROOT, "  total %.1f s%n", seconds(started));
        }
    }

    private static List<Holder> holders(Connection connection) throws SQLException {
        List<Holder> holders = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT s.id, s.siret, s.name, s.kind, s.size, s.ess, coalesce(c.epci_code = '200057875' OR c.ept_code = '200057875', false)
                FROM supplier s JOIN commune c ON c.code = s.commune_code ORDER BY s.id""")) {
            while (rows.next()) {
                String kind = rows.getString(4);
                holders.add(new Holder(rows.getLong(1), rows.getString(2), rows.getString(3), kind,
                    fr.vivier.directory.StructureKind.valueOf(kind).family().name(), rows.getString(5), rows.getBoolean(6), rows.getBoolean(7)));
            }
        }
        return holders;
    }

    /** 200 buyers, twenty per direction: {account id, direction index}. */
    private static List<long[]> buyers(Connection connection) throws SQLException {
        List<long[]> buyers = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                INSERT INTO account (email, display_name, role, direction)
                SELECT 'acheteur-' || n || '@bench.vivier.example', 'Acheteur ' || n, 'BUYER', (ARRAY['%s'])[1 + n %% 10]
                FROM generate_series(0, %d) n ON CONFLICT DO NOTHING RETURNING id, direction""".formatted(
                    String.join("', '", java.util.Arrays.stream(DIRECTIONS).map(d -> d.replace("'", "''")).toList()), BUYERS - 1))) {
            while (rows.next()) {
                buyers.add(new long[] {rows.getLong(1), List.of(DIRECTIONS).indexOf(rows.getString(2))});
            }
        }
        return buyers;
    }

    private static void journal(Connection connection, int count, List<Holder> holders, List<long[]> buyers) throws SQLException {
        SplittableRandom random = new SplittableRandom(12);
        copy(connection, "COPY sourcing_entry (account_id, direction, supplier_id, supplier_name, supplier_siret, supplier_family, contact_date, "
            + "channel, purpose, outcome, notes, created_at, updated_at) FROM STDIN (FORMAT csv)", count, (row, line) -> {
                long[] buyer = buyers.get(random.nextInt(buyers.size()));
                LocalDate date = day(random);
                boolean registered = random.nextInt(100) < 88;
                Holder holder = holders.get(random.nextInt(holders.size()));
                line.append(buyer[0]).append(',').append(csv(DIRECTIONS[(int) buyer[1]])).append(',')
                    .append(registered ? String.valueOf(holder.id()) : "").append(',')
                    .append(csv(registered ? holder.name() : "Entreprise hors annuaire " + row % 5_000)).append(',')
                    .append(registered ? holder.siret() : SupplierGenerator.siret(900_000 + row % 5_000)).append(',')
                    .append(registered ? holder.family() : "UNREGISTERED").append(',').append(date).append(',')
                    .append(CHANNELS[weighted(random, CHANNEL_WEIGHTS)]).append(',').append(csv(PURPOSES[random.nextInt(PURPOSES.length)]))
                    .append(',').append(OUTCOMES[weighted(random, OUTCOME_WEIGHTS)]).append(",\"\",").append(date).append(',').append(date);
            });
    }

    private static void purchases(Connection connection, int count, List<Holder> holders) throws SQLException {
        long firstId;
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT nextval(pg_get_serial_sequence('purchase', 'id'))")) {
            rows.next();
            firstId = rows.getLong(1);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT setval(pg_get_serial_sequence('purchase', 'id'), " + (firstId + count) + ")");
        }
        SplittableRandom random = new SplittableRandom(34);
        long[] amounts = new long[count];
        LocalDate[] dates = new LocalDate[count];
        copy(connection, "COPY purchase (id, buyer_key, reference, source, object, direction, nature, procedure, amount, initial_amount, "
            + "notified_on, duration_months, social_considerations, reservation, environmental_considerations, variants, advance, "
            + "insertion_hours_planned, insertion_hours_achieved, content_hash, created_at, updated_at) FROM STDIN (FORMAT csv)", count, (row, line) -> {
                int band = random.nextInt(100);
                long amount = band < 60 ? 500 + random.nextInt(39_500) : band < 90 ? 40_000 + random.nextInt(180_000) : 221_000 + random.nextInt(3_000_000);
                String procedure = band < 60 ? PROCEDURES[random.nextInt(100) < 80 ? 0 : 1] : band < 90 ? PROCEDURES[1]
                    : PROCEDURES[2 + random.nextInt(3)];
                LocalDate date = day(random);
                amounts[row] = amount;
                dates[row] = date;
                boolean social = random.nextInt(100) < 22;
                String reservation = random.nextInt(100) < 4 ? new String[] {"SIAE", "STPA", "ESS"}[random.nextInt(3)] : "NONE";
                String socialArray = social ? (reservation.equals("NONE") ? "{CLAUSE}" : "{CLAUSE,RESERVED}") : reservation.equals("NONE") ? "{}" : "{RESERVED}";
                boolean environmental = random.nextInt(100) < 45;
                int hours = (int) Math.min(amount / 60, 20_000);
                line.append(firstId + row).append(",BENCH,").append(String.format(Locale.ROOT, "B-%07d", row)).append(",DECP,")
                    .append(csv(OBJECTS[random.nextInt(OBJECTS.length)])).append(',').append(csv(DIRECTIONS[random.nextInt(DIRECTIONS.length)]))
                    .append(",CONTRACT,").append(procedure).append(',').append(amount).append(',').append(amount).append(',').append(date)
                    .append(',').append(1 + random.nextInt(48)).append(",\"").append(socialArray).append("\",").append(reservation)
                    .append(",\"").append(environmental ? "{CLAUSE}" : "{}").append("\",").append(random.nextInt(100) < 15)
                    .append(',').append(random.nextInt(100) < 30).append(',').append(social ? String.valueOf(hours) : "").append(',')
                    .append(social && date.isBefore(LocalDate.of(FIRST_YEAR + YEARS - 1, 1, 1)) ? String.valueOf(hours * 9 / 10) : "")
                    .append(",bench,").append(date).append(',').append(date);
            });
        SplittableRandom partyRandom = new SplittableRandom(56);
        copy(connection, "COPY purchase_party (purchase_id, role, position, identifier, identifier_type, siren, matched_by, supplier_id, name, "
            + "kind, family, size, ess, on_territory, frozen_on) FROM STDIN (FORMAT csv)", count, (row, line) -> {
                boolean registered = partyRandom.nextInt(100) < 85;
                Holder holder = holders.get(partyRandom.nextInt(holders.size()));
                String siret = registered ? holder.siret() : SupplierGenerator.siret(900_000 + partyRandom.nextInt(20_000));
                line.append(firstId + row).append(",HOLDER,0,").append(siret).append(",SIRET,").append(siret, 0, 9).append(',');
                if (registered) {
                    line.append("SIRET,").append(holder.id()).append(',').append(csv(holder.name())).append(',').append(holder.kind()).append(',')
                        .append(holder.family()).append(',').append(holder.size()).append(',').append(holder.ess()).append(',').append(holder.local());
                } else {
                    line.append("NONE,,,,,,,");
                }
                line.append(',').append(dates[row]);
            });
    }

    /** Writes {@code count} rows through COPY, a chunk at a time, committed at the end. */
    private static void copy(Connection connection, String sql, int count, RowWriter writer) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        StringBuilder chunk = new StringBuilder(1 << 20);
        for (int row = 0; row < count; row++) {
            writer.write(row, chunk);
            chunk.append('\n');
            if ((row + 1) % ROWS_PER_COPY_CHUNK == 0 || row == count - 1) {
                byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                chunk.setLength(0);
            }
            if ((row + 1) % 100_000 == 0) {
                System.out.printf(Locale.ROOT, "\r    %,d / %,d", row + 1, count);
            }
        }
        copy.endCopy();
        connection.commit();
        System.out.println();
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(int row, StringBuilder line);
    }

    /**
     * A day of the five years, more of them in the recent years (the journal grows as the SPASER is rolled out); the
     * last year stops on 26 November (the data must not change with the day it is generated on).
     */
    private static LocalDate day(SplittableRandom random) {
        int year = FIRST_YEAR + weighted(random, new int[] {10, 15, 20, 25, 30});
        return LocalDate.of(year, 1, 1).plusDays(random.nextInt(year == FIRST_YEAR + YEARS - 1 ? 330 : 365));
    }

    private static int weighted(SplittableRandom random, int[] weights) {
        int total = java.util.Arrays.stream(weights).sum();
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
