package fr.vivier.sourcing;

import fr.vivier.shared.WorkingDays;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingDaysTest {
    @Test
    void movableAndFixedFrenchPublicHolidaysAreNotWorkingDays() {
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 6)), "lundi de Pâques 2026");
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 14)), "Ascension 2026");
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 25)), "lundi de Pentecôte 2026");
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2027, 3, 29)), "lundi de Pâques 2027");
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 7, 14)));
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 3, 14)), "samedi");
        assertTrue(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 7)));
    }

    @Test
    void tenWorkingDaysBeforeSkipWeekendsAndHolidays() {
        assertEquals(LocalDate.of(2026, 3, 2), WorkingDays.minus(LocalDate.of(2026, 3, 16), 10));
        // 8 and 14 May 2026 are holidays: two weeks and two days back
        assertEquals(LocalDate.of(2026, 5, 4), WorkingDays.minus(LocalDate.of(2026, 5, 20), 10));
    }
}
