package fr.vivier.buyers;

import fr.vivier.accounts.Account;
import fr.vivier.accounts.AccountService;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierSummary;
import fr.vivier.mail.MailService;
import fr.vivier.shared.JobLocks;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The daily digest of saved searches: for each subscribed search, the suppliers that match it and were published
 * after it was saved, mailed once. Every supplier considered is recorded in saved_search_notified (mailed or not),
 * so nobody gets the same supplier twice and the next run only looks at new matches.
 */
@Singleton
public class SavedSearchDigest {
    private static final Logger LOG = LoggerFactory.getLogger(SavedSearchDigest.class);
    private static final String LOCK = "saved-search-digest";
    private static final int BATCH = 200;

    private final BuyerRepositories.SavedSearches searches;
    private final SavedSearchService savedSearches;
    private final SupplierExports exports;
    private final SupplierDirectory directory;
    private final AccountService accounts;
    private final MailService mail;
    private final JobLocks locks;
    private final Clock clock;

    SavedSearchDigest(BuyerRepositories.SavedSearches searches, SavedSearchService savedSearches, SupplierExports exports,
                      SupplierDirectory directory, AccountService accounts, MailService mail,
                      JobLocks locks, Clock clock) {
        this.searches = searches;
        this.savedSearches = savedSearches;
        this.exports = exports;
        this.directory = directory;
        this.accounts = accounts;
        this.mail = mail;
        this.locks = locks;
        this.clock = clock;
    }

    /** What a run did; {@code ran} is false when another instance held the lock or search was unavailable. */
    public record Outcome(boolean ran, int mailed) { }

    /** One supplier as the digest lists it. */
    public record NewSupplier(String name, String kind, String commune, String url) { }

    @Scheduled(cron = "0 30 6 * * *")
    void runOnSchedule() {
        try {
            Outcome outcome = runOnce();
            LOG.info("saved-search digest: ran={}, {} mail(s) queued", outcome.ran(), outcome.mailed());
        } catch (RuntimeException e) {
            LOG.error("saved-search digest failed", e);
        }
    }

    /** Mails every subscribed search's new suppliers, in one transaction (mails and notified rows commit together). */
    @Transactional
    public Outcome runOnce() {
        if (!locks.tryTake(LOCK)) {
            return new Outcome(false, 0);
        }
        int mailed = 0;
        for (List<Long> batch = searches.findSubscribedIdsAfter(0, BATCH); !batch.isEmpty();
             batch = searches.findSubscribedIdsAfter(batch.get(batch.size() - 1), BATCH)) {
            for (long id : batch) {
                Optional<Boolean> sent = digest(searches.findById(id).orElseThrow());
                if (sent.isEmpty()) {
                    // search is down: nothing is recorded, the next run sees the same suppliers
                    return new Outcome(false, mailed);
                }
                mailed += sent.get() ? 1 : 0;
            }
        }
        return new Outcome(true, mailed);
    }

    /** Whether a mail was queued; empty when the search engine did not answer. */
    private Optional<Boolean> digest(SavedSearch search) {
        Optional<Account> account = accounts.findEnabled(search.accountId());
        if (account.isEmpty()) {
            return Optional.of(false);
        }
        Optional<List<Long>> matching = exports.matchingIds(savedSearches.parse(search.query()), SupplierExports.MAX_ROWS);
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> known = Set.copyOf(searches.findNotifiedSupplierIds(search.id()));
        List<SupplierSummary> fresh = new ArrayList<>();
        Instant now = clock.instant();
        List<Long> unknown = matching.get().stream().filter(id -> !known.contains(id)).toList();
        for (SupplierSummary supplier : directory.summaries(unknown)) {
            if (!supplier.isPublished()) {
                continue;
            }
            boolean isNew = supplier.publishedAt() != null && !supplier.publishedAt().isBefore(search.createdAt());
            searches.recordNotified(search.id(), supplier.id(), now, isNew);
            if (isNew) {
                fresh.add(supplier);
            }
        }
        if (fresh.isEmpty()) {
            return Optional.of(false);
        }
        queueMail(search, account.get(), fresh);
        searches.update(searches.findById(search.id()).orElseThrow().withLastDigestAt(now));
        LOG.info("saved search {}: {} new supplier(s) mailed", search.id(), fresh.size());
        return Optional.of(true);
    }

    private void queueMail(SavedSearch search, Account account, List<SupplierSummary> fresh) {
        String token = savedSearches.newUnsubscribeToken(search);
        String baseUrl = mail.baseUrl();
        List<NewSupplier> suppliers = fresh.stream().map(s -> new NewSupplier(s.displayName(), s.kind().label(), s.communeName(),
            baseUrl + "/fournisseurs/" + s.slug())).toList();
        mail.queue(account.email(), "Nouveaux fournisseurs pour votre recherche « " + search.name() + " »", "saved-search-digest", Map.of(
            "displayName", account.displayName(),
            "searchName", search.name(),
            "suppliers", suppliers,
            "searchUrl", baseUrl + "/fournisseurs" + (search.query().isEmpty() ? "" : "?" + search.query()),
            "unsubscribeUrl", baseUrl + "/recherches-enregistrees/desabonnement/" + token,
            "savedSearchesUrl", baseUrl + "/recherches-enregistrees"));
    }

}
