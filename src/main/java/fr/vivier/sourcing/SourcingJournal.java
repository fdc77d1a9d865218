package fr.vivier.sourcing;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal as the SPASER indicators read it: typed counts by year or quarter (Europe/Paris calendar), by direction.
 * The only entry point other features use; everything else of sourcing stays inside it.
 */
@Singleton
public class SourcingJournal {
    /** A calendar year, or one of its quarters (1 to 4). */
    public record Period(int year, @Nullable Integer quarter) {
        public Period {
            if (quarter != null && (quarter < 1 || quarter > 4)) {
                throw new IllegalArgumentException("quarter " + quarter);
            }
        }

        public static Period year(int year) {
            return new Period(year, null);
        }

        public static Period quarter(int year, int quarter) {
            return new Period(year, quarter);
        }

        public LocalDate firstDay() {
            return LocalDate.of(year, quarter == null ? 1 : 3 * quarter - 2, 1);
        }

        public LocalDate lastDay() {
            return firstDay().plusMonths(quarter == null ? 12 : 3).minusDays(1);
        }

        Instant start() {
            return firstDay().atStartOfDay(FrenchFormat.ZONE).toInstant();
        }

        Instant end() {
            return lastDay().plusDays(1).atStartOfDay(FrenchFormat.ZONE).toInstant();
        }
    }

    /** Recontact requests made in a period: how many, how many were answered, and the median delay to the answer. */
    public record RecontactAnswers(long requested, long answered, Optional<Duration> medianDelay) { }

    /** A contact as another feature links to it (a purchase to the consultations that led to it). */
    public record Contact(long id, LocalDate date, String direction, String supplierName, @Nullable String supplierSiret, String channel,
                          String outcome, String purpose, @Nullable Long shortlistId) {
        public String dateFrench() {
            return FrenchFormat.date(date);
        }
    }

    private final SourcingEntryRepository entries;
    private final SourcingSheetRepository sheets;
    private final RecontactRequestRepository requests;

    SourcingJournal(SourcingEntryRepository entries, SourcingSheetRepository sheets, RecontactRequestRepository requests) {
        this.entries = entries;
        this.sheets = sheets;
        this.requests = requests;
    }

    /** The contacts with the structures of these SIRETs that this reader may read, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Contact> contactsWith(Collection<String> sirets, JournalService.Viewer reader, int limit) {
        return sirets.isEmpty() ? List.of() : entries.withSirets(readable(reader), sirets, limit).stream().map(SourcingJournal::contact).toList();
    }

    /** Those of these contacts this reader may read, newest first. */
    @Transactional(readOnly = true)
    public List<Contact> contacts(Collection<Long> ids, JournalService.Viewer reader) {
        return ids.isEmpty() ? List.of() : entries.withIds(readable(reader), ids).stream().map(SourcingJournal::contact).toList();
    }

    private static SourcingEntryRepository.Where readable(JournalService.Viewer reader) {
        return JournalService.where(reader, JournalFilter.none());
    }

    private static Contact contact(SourcingEntry entry) {
        return new Contact(entry.id(), entry.contactDate(), entry.direction(), entry.supplierName(), entry.supplierSiret(),
            entry.channel().label(), entry.outcome().label(), entry.purpose(), entry.shortlistId());
    }

    /** Contacts with a contact date in the period; of one direction (case ignored) when given. */
    @Transactional(readOnly = true)
    public long contacts(Period period, @Nullable String direction) {
        JournalFilter filter = JournalFilter.parse(new JournalFilter.Raw(period.firstDay().toString(), period.lastDay().toString(),
            direction, null, null, null, null));
        return entries.count(SourcingEntryRepository.Where.of(null, null, filter));
    }

    /** Contacts of the period per direction, directions in alphabetical order. */
    @Transactional(readOnly = true)
    public Map<String, Long> contactsByDirection(Period period) {
        return entries.countByDirection(period.firstDay(), period.lastDay());
    }

    /** « Sourcings réalisés »: sourcing sheets completed in the period (Clichy's indicator: 10 a year). */
    @Transactional(readOnly = true)
    public long completedSourcings(Period period, @Nullable String direction) {
        return sheets.countCompleted(period.firstDay(), period.lastDay(), direction);
    }

    /** The recontact requests made in the period and their answers (Aix's indicator). */
    @Transactional(readOnly = true)
    public RecontactAnswers recontactAnswers(Period period) {
        Double seconds = requests.findMedianAnswerSeconds(period.start(), period.end());
        return new RecontactAnswers(requests.countCreated(period.start(), period.end()), requests.countAnswered(period.start(), period.end()),
            Optional.ofNullable(seconds).map(s -> Duration.ofSeconds(Math.round(s))));
    }
}
