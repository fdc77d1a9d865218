package fr.vivier.meetings;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * An event staff organise. It takes place somewhere (address and commune), online, or both; registrations close at the
 * end of {@code registrationDeadline} (Europe/Paris).
 */
public record MeetingEvent(
    @Nullable Long id,
    EventKind kind,
    String title,
    String description,
    Instant startsAt,
    Instant endsAt,
    @Nullable String address,
    @Nullable String communeCode,
    @Nullable String onlineUrl,
    int capacity,
    LocalDate registrationDeadline,
    List<String> audienceSectors,
    List<String> audienceKinds,
    boolean audienceLocal,
    List<Long> programmingLineIds,
    String organiser,
    long createdBy,
    Instant createdAt,
    Instant updatedAt) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH'h'mm", Locale.FRENCH);

    public LocalDate day() {
        return LocalDate.ofInstant(startsAt, FrenchFormat.ZONE);
    }

    /** « mardi 12 mai 2026, de 09h00 à 12h00 ». */
    public String when() {
        return DAY.format(startsAt.atZone(FrenchFormat.ZONE)) + ", de " + TIME.format(startsAt.atZone(FrenchFormat.ZONE))
            + " à " + TIME.format(endsAt.atZone(FrenchFormat.ZONE));
    }

    public String deadlineFrench() {
        return FrenchFormat.date(registrationDeadline);
    }

    public boolean registrationOpen(Clock clock) {
        return !FrenchFormat.today(clock).isAfter(registrationDeadline) && clock.instant().isBefore(startsAt);
    }

    public boolean past(Clock clock) {
        return !clock.instant().isBefore(endsAt);
    }
}
