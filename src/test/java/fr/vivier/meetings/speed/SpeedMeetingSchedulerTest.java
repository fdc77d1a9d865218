package fr.vivier.meetings.speed;

import fr.vivier.meetings.speed.SpeedMeetingScheduler.Meeting;
import fr.vivier.meetings.speed.SpeedMeetingScheduler.Schedule;
import fr.vivier.meetings.speed.SpeedMeetingScheduler.Wish;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small cases whose best schedule is known by hand (written in each test). Tables are 1, 2…; suppliers 11, 12… */
class SpeedMeetingSchedulerTest {

    private static Wish buyer(long buyer, long supplier, int priority) {
        return new Wish(buyer, supplier, priority, true);
    }

    private static Wish supplier(long supplier, long buyer, int priority) {
        return new Wish(buyer, supplier, priority, false);
    }

    private static Set<String> pairs(Schedule schedule) {
        Set<String> pairs = new HashSet<>();
        schedule.meetings().forEach(meeting -> pairs.add(meeting.slot() + ":" + meeting.buyer() + "-" + meeting.supplier()));
        return pairs;
    }

    @Test
    void oneSlotMeetsEveryoneItCanRatherThanTheFirstWish() {
        // Table 1 wants 11 and 12, table 2 only 11: the optimum is 1-12 and 2-11 (2 meetings); 1-11 first would leave table 2 alone.
        Schedule schedule = SpeedMeetingScheduler.build(List.of(1L, 2L), List.of(11L, 12L),
            List.of(buyer(1, 11, 1), buyer(1, 12, 1), buyer(2, 11, 1)), 1);
        assertEquals(Set.of("0:1-12", "0:2-11"), pairs(schedule));
        assertEquals(2, schedule.quality().satisfied());
        assertEquals(2, schedule.quality().upperBound());
    }

    @Test
    void aMutualWishComesBeforeAOneSidedOneWhateverThePriorities() {
        // Table 1 wants 11 (priority 1) and 12 (priority 3); 12 wants table 1 too (priority 3): one slot, 1-12.
        Schedule schedule = SpeedMeetingScheduler.build(List.of(1L), List.of(11L, 12L),
            List.of(buyer(1, 11, 1), buyer(1, 12, 3), supplier(12, 1, 3)), 1);
        assertEquals(Set.of("0:1-12"), pairs(schedule));
    }

    @Test
    void aHigherPriorityComesFirst() {
        // Table 1 wants 11 (priority 3) and 12 (priority 1); supplier 13 wants table 1 (priority 2): one slot, 1-12; two, 1-13 then.
        List<Wish> wishes = List.of(buyer(1, 11, 3), buyer(1, 12, 1), supplier(13, 1, 2));
        assertEquals(Set.of("0:1-12"), pairs(SpeedMeetingScheduler.build(List.of(1L), List.of(11L, 12L, 13L), wishes, 1)));
        assertEquals(Set.of("0:1-12", "1:1-13"), pairs(SpeedMeetingScheduler.build(List.of(1L), List.of(11L, 12L, 13L), wishes, 2)));
    }

    @Test
    void betweenEqualWishesTheLeastServedSupplierGoesFirst() {
        // Two slots. Table 1 wants 11, 12 and 13; table 2 only 11, all priority 1. At most 3 meetings (table 2 has one wish);
        // the fair optimum gives each supplier one: 2-11, and table 1 meets 12 and 13, not 11 again.
        Schedule schedule = SpeedMeetingScheduler.build(List.of(1L, 2L), List.of(11L, 12L, 13L),
            List.of(buyer(1, 11, 1), buyer(1, 12, 1), buyer(1, 13, 1), buyer(2, 11, 1)), 2);
        assertEquals(3, schedule.quality().satisfied());
        assertEquals(3, schedule.quality().upperBound());
        assertEquals(1, schedule.quality().minPerSupplier());
        assertEquals(1.0, schedule.quality().medianPerSupplier());
        assertTrue(schedule.meetings().stream().noneMatch(meeting -> meeting.buyer() == 1 && meeting.supplier() == 11));
    }

    @Test
    void nobodyIsDoubleBookedAndNoPairMeetsTwice() {
        // Three tables all wanting the same two suppliers, three slots: per slot at most two meetings (two suppliers), and six
        // pairs in all: the upper bound is min(3 tables × 2, 2 suppliers × 3 slots) = 6, reached.
        List<Wish> wishes = List.of(buyer(1, 11, 1), buyer(1, 12, 2), buyer(2, 11, 1), buyer(2, 12, 2), buyer(3, 11, 1), buyer(3, 12, 2));
        Schedule schedule = SpeedMeetingScheduler.build(List.of(1L, 2L, 3L), List.of(11L, 12L), wishes, 3);
        Set<String> tableSlots = new HashSet<>();
        Set<String> supplierSlots = new HashSet<>();
        Set<String> met = new HashSet<>();
        for (Meeting meeting : schedule.meetings()) {
            assertTrue(tableSlots.add(meeting.slot() + "/" + meeting.buyer()), "table réservée deux fois : " + meeting);
            assertTrue(supplierSlots.add(meeting.slot() + "/" + meeting.supplier()), "fournisseur réservé deux fois : " + meeting);
            assertTrue(met.add(meeting.buyer() + "-" + meeting.supplier()), "rencontre en double : " + meeting);
        }
        assertEquals(6, schedule.quality().satisfied());
        assertEquals(6, schedule.quality().upperBound());
        assertEquals(3, schedule.quality().minPerSupplier());
    }

    @Test
    void wishesForPeopleNotInTheEventAreLeftOutAndSuppliersWithoutMeetingsCountInTheFigures() {
        // Table 1 wants 11 and 99 (not registered); supplier 12 has no wish: one meeting; min 0, median 0.5 over 11 and 12.
        Schedule schedule = SpeedMeetingScheduler.build(List.of(1L), List.of(11L, 12L), List.of(buyer(1, 11, 1), buyer(1, 99, 1)), 4);
        assertEquals(Set.of("0:1-11"), pairs(schedule));
        assertEquals(1, schedule.quality().wishedPairs());
        assertEquals(0, schedule.quality().minPerSupplier());
        assertEquals(0.5, schedule.quality().medianPerSupplier());
    }
}
