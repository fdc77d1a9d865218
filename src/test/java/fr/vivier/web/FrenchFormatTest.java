package fr.vivier.web;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What people read is Paris time, whatever the machine's zone and across daylight-saving changes. */
class FrenchFormatTest {
    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void halfPastElevenUtcIsAlreadyTomorrowInParis() {
        assertEquals(LocalDate.parse("2026-11-30"), FrenchFormat.today(at("2026-11-29T23:30:00Z")));
        assertEquals(LocalDate.parse("2026-07-01"), FrenchFormat.today(at("2026-06-30T22:30:00Z")));
        assertEquals(LocalDate.parse("2027-01-01"), FrenchFormat.today(at("2026-12-31T23:30:00Z")), "and next year on New Year's Eve");
    }

    @Test
    void timesFollowTheDaylightSavingChanges() {
        assertEquals("29 mars 2026 à 01h30", FrenchFormat.dateTime(Instant.parse("2026-03-29T00:30:00Z")));
        assertEquals("29 mars 2026 à 03h30", FrenchFormat.dateTime(Instant.parse("2026-03-29T01:30:00Z")));
        assertEquals("25 octobre 2026 à 02h30", FrenchFormat.dateTime(Instant.parse("2026-10-25T00:30:00Z")));
        assertEquals("25 octobre 2026 à 02h30", FrenchFormat.dateTime(Instant.parse("2026-10-25T01:30:00Z")));
        assertEquals("30 novembre 2026", FrenchFormat.date(Instant.parse("2026-11-29T23:30:00Z")));
    }
}
