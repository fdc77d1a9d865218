package fr.vivier.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Demo data (VIVIER_DEMO_DATA=true): about 200 fictitious suppliers of Est Ensemble and their authority's published
 * programming of the year, a few contacts in the demo buyer's sourcing journal and a year of purchases, loaded once at start-up.
 * Runs after the reference data, the territories and the demo accounts (the staff account verifies labels).
 */
@Singleton
@Requires(property = "vivier.demo-data", value = "true")
class DemoSuppliers {
    private final DemoSupplierLoader loader;
    private final DemoProgramming programming;
    private final DemoJournal journal;
    private final DemoMeetings meetings;
    private final DemoPurchases purchases;
    private final DemoIndicators indicators;

    DemoSuppliers(DemoSupplierLoader loader, DemoProgramming programming, DemoJournal journal, DemoMeetings meetings,
                  DemoPurchases purchases, DemoIndicators indicators) {
        this.loader = loader;
        this.programming = programming;
        this.journal = journal;
        this.meetings = meetings;
        this.purchases = purchases;
        this.indicators = indicators;
    }

    @EventListener
    @Order(200)
    void onStartup(StartupEvent event) {
        loader.load();
        programming.load();
        journal.load().ifPresent(purchases::recordFrom);
        purchases.load();
        meetings.load();
        indicators.load();
    }
}
