package fr.vivier.sourcing;

import fr.vivier.accounts.Account;
import fr.vivier.accounts.AccountService;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierSummary;
import fr.vivier.mail.MailService;
import fr.vivier.shared.JobLocks;
import fr.vivier.web.FrenchFormat;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;

/**
 * Overdue recontact requests given to someone are reminded to that person by mail, once (reminded_at). A request nobody
 * took is not mailed: staff see it on their dashboard and in the queue. One instance at a time (job lock).
 */
@Singleton
public class RecontactReminders {
    private static final Logger LOG = LoggerFactory.getLogger(RecontactReminders.class);
    static final String KEY = "recontact-reminders";
    private static final int BATCH = 200;

    private final RecontactRequestRepository requests;
    private final RecontactQueueService queue;
    private final AccountService accounts;
    private final SupplierDirectory directory;
    private final MailService mail;
    private final JobLocks locks;
    private final Clock clock;

    RecontactReminders(RecontactRequestRepository requests, RecontactQueueService queue, AccountService accounts,
                       SupplierDirectory directory, MailService mail, JobLocks locks, Clock clock) {
        this.requests = requests;
        this.queue = queue;
        this.accounts = accounts;
        this.directory = directory;
        this.mail = mail;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${vivier.sourcing.reminder-interval:1h}", initialDelay = "${vivier.sourcing.reminder-interval:1h}")
    void runOnSchedule() {
        try {
            int mailed = runOnce();
            LOG.info("recontact reminders: {} mail(s) queued", mailed);
        } catch (RuntimeException e) {
            LOG.error("recontact reminders failed", e);
        }
    }

    /** The mails and the « reminded » marks commit together; another instance holding the lock makes this one do nothing. */
    @Transactional
    public int runOnce() {
        if (!locks.tryTake(KEY)) {
            return 0;
        }
        int mailed = 0;
        for (RecontactRequest request : requests.findToRemind(queue.overdueBefore(), BATCH)) {
            requests.markReminded(request.id(), clock.instant());
            Account assignee = accounts.find(request.assignedTo()).filter(Account::enabled).orElse(null);
            if (assignee == null) {
                continue;
            }
            String supplier = directory.summary(request.supplierId()).map(SupplierSummary::displayName).orElse("une structure");
            mail.queue(assignee.email(), "Demande de recontact en attente : " + supplier, "recontact-reminder", Map.of(
                "displayName", assignee.displayName(),
                "supplierName", supplier,
                "topic", request.topic(),
                "requestedOn", FrenchFormat.date(request.createdAt()),
                "workingDays", queue.overdueWorkingDays(),
                "answerPath", "/journal/nouveau?demande=" + request.id()));
            mailed++;
        }
        return mailed;
    }
}
