package fr.vivier.directory;

import fr.vivier.web.FrenchFormat;

import java.time.Instant;

/** A staff CSV import of suppliers as the staff home recalls it: when, by whom, which file, what it did. */
public record ImportJournalEntry(Instant at, String staffName, String fileName, int imported, int invalid, int ignored) {
    public String atFrench() {
        return FrenchFormat.dateTime(at);
    }
}
