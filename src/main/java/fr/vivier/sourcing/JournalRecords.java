package fr.vivier.sourcing;

import fr.vivier.directory.SupplierProfile;
import fr.vivier.directory.SupplierRecords;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal entries as records of a supplier: they follow merges, stay counted (anonymous) after an erasure, and the
 * structure sees that it was contacted (date, direction, channel) — never the buyer's notes.
 */
@Singleton
class JournalRecords implements SupplierRecords {
    private final SourcingEntryRepository entries;
    private final Clock clock;

    JournalRecords(SourcingEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Override
    public void registered(long supplierId, SupplierProfile profile) {
        // a new structure has no contact yet
    }

    @Override
    public Optional<String> merged(long keptId, long duplicateId) {
        int moved = entries.moveToSupplier(duplicateId, keptId);
        return moved == 0 ? Optional.empty() : Optional.of(moved + " contact(s) du journal de sourcing repris");
    }

    @Override
    public void erase(long supplierId) {
        entries.anonymise(supplierId, clock.instant());
    }

    /** What the structure may know: when, which direction, how; not the purpose nor the notes, which are the buyer's. */
    @Override
    public Map<String, Object> export(long supplierId) {
        List<Map<String, String>> contacts = entries.findBySupplierIdOrderByContactDateDesc(supplierId).stream().map(entry -> {
            Map<String, String> contact = new LinkedHashMap<>();
            contact.put("date", entry.contactDate().toString());
            contact.put("direction", entry.direction());
            contact.put("canal", entry.channel().label());
            return contact;
        }).toList();
        return Map.of("contactsAvecLesAcheteurs", contacts);
    }

    @Override
    public StaffSection staffSection(long supplierId) {
        List<Line> lines = entries.findBySupplierIdOrderByContactDateDesc(supplierId).stream().limit(20)
            .map(entry -> new Line(entry.contactDateFrench() + " — " + entry.direction() + " — " + entry.purpose(),
                entry.channel().label(), entry.outcome().label()))
            .toList();
        return new StaffSection("journal", "Journal de sourcing", lines, "Aucun contact noté dans le journal.", "/journal",
            "Tout le journal de sourcing");
    }

    @Override
    public Optional<StaffSection> supplierSection(long supplierId) {
        List<Line> lines = entries.findBySupplierIdOrderByContactDateDesc(supplierId).stream()
            .map(entry -> new Line(entry.contactDateFrench() + " — " + entry.direction(), entry.channel().label(), null))
            .toList();
        return Optional.of(new StaffSection("contacts", "Vos contacts avec les acheteurs", lines,
            "Aucun acheteur n’a encore noté de contact avec votre structure.", null, null));
    }
}
