package fr.vivier.staff;

import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierSummary;
import fr.vivier.search.SearchIndexer;
import fr.vivier.search.SupplierReindexer;
import fr.vivier.sourcing.RecontactQueueService;
import fr.vivier.sourcing.RecontactRequest;
import fr.vivier.web.FrenchFormat;
import io.micronaut.data.model.Page;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Where staff land after signing in: what waits for them (profiles to review, recontact requests new and overdue)
 * and whether the import and the search index are in order, each with a link to its page.
 */
@Controller("/agents")
@Secured({"STAFF", "ADMIN"})
class StaffHomeController {
    private static final int SHOWN = 5;

    private final SupplierDirectory directory;
    private final RecontactQueueService recontacts;
    private final SearchIndexer indexer;
    private final SupplierReindexer reindexer;

    StaffHomeController(SupplierDirectory directory, RecontactQueueService recontacts, SearchIndexer indexer, SupplierReindexer reindexer) {
        this.directory = directory;
        this.recontacts = recontacts;
        this.indexer = indexer;
        this.reindexer = reindexer;
    }

    /** A profile waiting for review, as the home lists it. */
    public record ProfileToReview(SupplierSummary supplier, String commune, boolean isNew, String updatedAt) { }

    @Get
    ModelAndView<Map<String, Object>> home() {
        Map<String, Object> model = new HashMap<>();
        Page<ProfileToReview> toReview = directory.reviewQueue(SHOWN).map(profile -> new ProfileToReview(profile.supplier(),
            profile.supplier().communeName(), profile.isNew(), FrenchFormat.dateTime(profile.updatedAt())));
        model.put("toReview", toReview);
        RecontactQueueService.Period allTime = new RecontactQueueService.Period(null, null);
        model.put("newRequests", recontacts.list(EnumSet.of(RecontactRequest.Status.NEW), allTime, 0, 1).getTotalSize());
        model.put("overdueRequests", recontacts.list(RecontactQueueService.OPEN, new RecontactQueueService.Period(null,
            recontacts.overdueBefore()), 0, SHOWN));
        model.put("overdueDays", recontacts.overdueWorkingDays());
        // the queue's « jusqu’au » date is inclusive: the day before the first day that is not overdue yet
        model.put("overdueUntil", LocalDate.ofInstant(recontacts.overdueBefore(), FrenchFormat.ZONE).minusDays(1).toString());
        model.put("lastImport", directory.lastImport().orElse(null));
        model.put("index", indexer.status());
        model.put("rebuild", reindexer.progress());
        return new ModelAndView<>("staff/agents", model);
    }
}
