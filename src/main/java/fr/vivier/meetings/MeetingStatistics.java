package fr.vivier.meetings;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Meetings as the SPASER indicators read them. WORKSHOPS (Clichy: one « atelier de sensibilisation des acheteurs » a
 * semester): the workshops held in a period — ended by now — and the people marked present at them.
 */
@Singleton
public class MeetingStatistics {
    /** Workshops held in a period and their participants (people marked present). */
    public record Workshops(int held, int participants) { }

    private final MeetingRepository repository;
    private final Clock clock;

    MeetingStatistics(MeetingRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A calendar year (Europe/Paris), or one of its semesters (1: January–June, 2: July–December). */
    @Transactional(readOnly = true)
    public Workshops workshops(int year, @Nullable Integer semester) {
        if (semester != null && semester != 1 && semester != 2) {
            throw new IllegalArgumentException("semester " + semester);
        }
        LocalDate first = LocalDate.of(year, semester == null || semester == 1 ? 1 : 7, 1);
        return heldBetween(first, first.plusMonths(semester == null ? 12 : 6));
    }

    /** One quarter (1 to 4) of a calendar year (Europe/Paris). */
    @Transactional(readOnly = true)
    public Workshops workshopsOfQuarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter);
        }
        LocalDate first = LocalDate.of(year, 3 * quarter - 2, 1);
        return heldBetween(first, first.plusMonths(3));
    }

    private Workshops heldBetween(LocalDate first, LocalDate end) {
        Instant now = clock.instant();
        int held = 0;
        int participants = 0;
        for (MeetingRepository.EventCounts counts : repository.eventsBetween(first.atStartOfDay(FrenchFormat.ZONE).toInstant(),
            end.atStartOfDay(FrenchFormat.ZONE).toInstant())) {
            if (counts.event().kind() == EventKind.AWARENESS_WORKSHOP && !counts.event().endsAt().isAfter(now)) {
                held++;
                participants += counts.present();
            }
        }
        return new Workshops(held, participants);
    }
}
