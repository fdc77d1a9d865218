package fr.vivier.bench;

import fr.vivier.directory.ConsentKind;
import fr.vivier.directory.DirectoryService;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes generated suppliers with the rows DirectoryService.register and changeStatus write (supplier, contact,
 * consents, history, sectors, labels, areas, offers), in JDBC batches. The outbox rows, one per supplier as
 * register writes them, are inserted last in one transaction, so that draining them measures indexing alone.
 * Not written: the welcome mails (the bench must not send 100 000 mails).
 */
final class BenchLoader {
    private static final int CHUNK = 2_000;

    private final Connection connection;

    BenchLoader(Connection connection) {
        this.connection = connection;
    }

    /** Inserts n suppliers; returns the number of published ones. */
    long load(int n, SupplierGenerator generator) throws SQLException {
        connection.setAutoCommit(false);
        long published = 0;
        for (int start = 0; start < n; start += CHUNK) {
            int size = Math.min(CHUNK, n - start);
            List<Long> ids = nextIds(size);
            List<SupplierGenerator.Generated> chunk = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                chunk.add(generator.next(start + i + 1));
            }
            insert(ids, chunk);
            connection.commit();
            published += chunk.stream().filter(SupplierGenerator.Generated::published).count();
            System.out.printf("\r  %,d / %,d fournisseurs écrits", start + size, n);
        }
        System.out.println();
        return published;
    }

    /** One outbox row per supplier, committed at once; returns the time of the commit. */
    long writeOutbox() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO search_outbox (entity, entity_id) SELECT 'supplier', id FROM supplier ORDER BY id");
        }
        connection.commit();
        return System.nanoTime();
    }

    private List<Long> nextIds(int size) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT nextval('supplier_id_seq') FROM generate_series(1, ?)")) {
            statement.setInt(1, size);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private void insert(List<Long> ids, List<SupplierGenerator.Generated> chunk) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement supplier = connection.prepareStatement("""
                INSERT INTO supplier (id, siret, siren, slug, name, trade_name, legal_form, size, kind, ess, commune_code, description,
                  website, status, review_needed, created_at, updated_at, published_at, last_activity_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, false, ?, ?, ?, ?)""");
             PreparedStatement contact = connection.prepareStatement(
                 "INSERT INTO supplier_contact (supplier_id, name, role, email, phone) VALUES (?, ?, NULL, ?, NULL)");
             PreparedStatement consent = connection.prepareStatement(
                 "INSERT INTO supplier_consent (supplier_id, kind, version, text, granted_at) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement history = connection.prepareStatement(
                 "INSERT INTO supplier_history (supplier_id, occurred_at, actor, action, detail) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement sector = connection.prepareStatement("INSERT INTO supplier_sector (supplier_id, sector_code) VALUES (?, ?)");
             PreparedStatement label = connection.prepareStatement(
                 "INSERT INTO supplier_label (supplier_id, label_code, proof, expires_on, verified, verified_at) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement area = connection.prepareStatement("INSERT INTO supplier_area (supplier_id, area_type, area_code) VALUES (?, ?, ?)");
             PreparedStatement offer = connection.prepareStatement("INSERT INTO supplier_offer (supplier_id, position, text) VALUES (?, ?, ?)")) {
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i);
                SupplierGenerator.Generated s = chunk.get(i);
                int column = 1;
                supplier.setLong(column++, id);
                supplier.setString(column++, s.siret());
                supplier.setString(column++, s.siret().substring(0, 9));
                supplier.setString(column++, slug(s.name()) + "-" + id);
                supplier.setString(column++, s.name());
                supplier.setString(column++, s.tradeName());
                supplier.setString(column++, s.legalForm());
                supplier.setString(column++, s.size());
                supplier.setString(column++, s.kind().name());
                supplier.setBoolean(column++, s.kind().impliesEss());
                supplier.setString(column++, s.commune().code());
                supplier.setString(column++, s.description());
                supplier.setString(column++, s.published() ? "PUBLISHED" : "PENDING");
                supplier.setTimestamp(column++, now);
                supplier.setTimestamp(column++, now);
                supplier.setTimestamp(column++, s.published() ? now : null);
                supplier.setTimestamp(column, now);
                supplier.addBatch();

                contact.setLong(1, id);
                contact.setString(2, "Contact " + id);
                contact.setString(3, "contact-" + id + "@bench.vivier.example");
                contact.addBatch();
                for (ConsentKind kind : List.of(ConsentKind.PUBLISH_CONTACT, ConsentKind.RECONTACT)) {
                    consent.setLong(1, id);
                    consent.setString(2, kind.name());
                    consent.setString(3, kind.version());
                    consent.setString(4, kind.text());
                    consent.setTimestamp(5, now);
                    consent.addBatch();
                }
                history.setLong(1, id);
                history.setTimestamp(2, now);
                history.setString(3, DirectoryService.ACTOR_SUPPLIER);
                history.setString(4, "INSCRIPTION");
                history.setString(5, s.published() ? "publiée à l’inscription" : "en attente de validation");
                history.addBatch();
                for (String code : s.sectors()) {
                    sector.setLong(1, id);
                    sector.setString(2, code);
                    sector.addBatch();
                }
                for (SupplierGenerator.Label l : s.labels()) {
                    label.setLong(1, id);
                    label.setString(2, l.code());
                    label.setString(3, "Attestation " + l.code());
                    label.setObject(4, l.expiresOn() == null ? null : Date.valueOf(l.expiresOn()), Types.DATE);
                    label.setBoolean(5, l.verified());
                    label.setTimestamp(6, l.verified() ? now : null);
                    label.addBatch();
                }
                for (SupplierGenerator.Area a : s.areas()) {
                    area.setLong(1, id);
                    area.setString(2, a.type());
                    area.setString(3, a.code());
                    area.addBatch();
                }
                for (int position = 0; position < s.offers().size(); position++) {
                    offer.setLong(1, id);
                    offer.setInt(2, position);
                    offer.setString(3, s.offers().get(position));
                    offer.addBatch();
                }
            }
            for (PreparedStatement statement : List.of(supplier, contact, consent, history, sector, label, area, offer)) {
                statement.executeBatch();
            }
        }
    }

    private static String slug(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.length() > 120 ? slug.substring(0, 120) : slug;
    }
}
