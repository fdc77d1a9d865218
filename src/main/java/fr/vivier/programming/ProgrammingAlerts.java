package fr.vivier.programming;

import fr.vivier.directory.ConsentKind;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierView;
import fr.vivier.mail.MailService;
import fr.vivier.shared.JobLocks;
import fr.vivier.web.ServerKeys;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Alerts on the programming: each supplier that gave the « alertes » consent gets one digest of the recently published
 * lines that match it (sectors and area, see {@link LineMatching}), at each run or, when it chose so, once a week. A
 * line is never mailed twice to a supplier (programming_alert_sent); an unsubscribed supplier, or one whose consent was
 * withdrawn, gets nothing from the next run on.
 */
@Singleton
public class ProgrammingAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(ProgrammingAlerts.class);
    static final String KEY = "programming-alerts";
    /** Lines published longer ago than this are no news any more. */
    private static final Duration RECENT = Duration.ofDays(60);
    private static final int MAX_MATCHES_PER_LINE = 10_000;
    private static final int BATCH = 500;
    private static final Duration WEEK = Duration.ofDays(7);

    private final ProgrammingRepository lines;
    private final LineMatching matching;
    private final SupplierDirectory directory;
    private final MailService mail;
    private final ServerKeys keys;
    private final ProgrammingAlertsRepository memory;
    private final JobLocks locks;
    private final Clock clock;

    ProgrammingAlerts(ProgrammingRepository lines, LineMatching matching, SupplierDirectory directory, MailService mail, ServerKeys keys,
                      ProgrammingAlertsRepository memory, JobLocks locks, Clock clock) {
        this.lines = lines;
        this.matching = matching;
        this.directory = directory;
        this.mail = mail;
        this.keys = keys;
        this.memory = memory;
        this.locks = locks;
        this.clock = clock;
    }

    public record Outcome(boolean ran, int mailed) { }

    /** A line as the digest lists it. */
    public record AlertLine(String object, String launch, String amount, String url) { }

    @Scheduled(fixedDelay = "${vivier.programming.alert-interval:1h}", initialDelay = "${vivier.programming.alert-interval:1h}")
    void runOnSchedule() {
        try {
            Outcome outcome = runOnce();
            LOG.info("programming alerts: ran={}, {} mail(s) queued", outcome.ran(), outcome.mailed());
        } catch (RuntimeException e) {
            LOG.error("programming alerts failed", e);
        }
    }

    /** One transaction: the mails and the « already sent » rows commit together. Nothing is recorded when search is down. */
    @Transactional
    public Outcome runOnce() {
        if (!locks.tryTake(KEY)) {
            return new Outcome(false, 0);
        }
        Map<Long, List<ProgrammingLine>> bySupplier = new LinkedHashMap<>();
        List<Long> recent = lines.ids("l.published AND l.published_at >= ? AND l.status IN ('PLANNED', 'SOURCING')",
            List.of(clock.instant().minus(RECENT).atOffset(ZoneOffset.UTC)), "l.published_at, l.id");
        for (ProgrammingLine line : lines.lines(recent)) {
            Optional<List<Long>> matched = matching.matches(line, MAX_MATCHES_PER_LINE).map(found -> found.ids());
            if (matched.isEmpty()) {
                return new Outcome(false, 0);
            }
            Set<Long> already = memory.alreadySent(line.id());
            matched.get().stream().filter(id -> !already.contains(id))
                .forEach(id -> bySupplier.computeIfAbsent(id, k -> new ArrayList<>()).add(line));
        }
        Instant now = clock.instant();
        Set<Long> unsubscribed = memory.unsubscribed(bySupplier.keySet());
        Set<Long> weekly = memory.weekly(bySupplier.keySet());
        Set<Long> waitingForTheirWeek = memory.weeklyNotDue(weekly, now.minus(WEEK));
        List<Long> candidates = bySupplier.keySet().stream()
            .filter(id -> !unsubscribed.contains(id) && !waitingForTheirWeek.contains(id)).toList();
        int mailed = 0;
        for (int from = 0; from < candidates.size(); from += BATCH) {
            for (SupplierView view : directory.publishedViews(candidates.subList(from, Math.min(candidates.size(), from + BATCH)))) {
                if (!view.consents().contains(ConsentKind.ALERTS) || view.contact() == null) {
                    continue;
                }
                long supplierId = view.supplier().id();
                List<ProgrammingLine> news = bySupplier.get(supplierId);
                queueMail(view, news, weekly.contains(supplierId));
                memory.recordSent(news.stream().map(ProgrammingLine::id).toList(), supplierId, now);
                mailed++;
            }
        }
        return new Outcome(true, mailed);
    }

    /** The signature that lets the unsubscribe link work without signing in. */
    String signature(long supplierId) {
        return keys.sign(KEY, String.valueOf(supplierId).getBytes(StandardCharsets.UTF_8));
    }

    boolean validSignature(long supplierId, String signature) {
        return signature.length() <= 128 && keys.verify(KEY, String.valueOf(supplierId).getBytes(StandardCharsets.UTF_8), signature);
    }

    @Transactional
    public void unsubscribe(long supplierId) {
        memory.unsubscribe(supplierId, clock.instant());
    }

    /** What the structure chose; immediately when it never chose. */
    @Transactional(readOnly = true)
    public AlertChoice choice(long supplierId) {
        if (memory.unsubscribed(supplierId)) {
            return AlertChoice.NONE;
        }
        return memory.weekly(Set.of(supplierId)).isEmpty() ? AlertChoice.IMMEDIATE : AlertChoice.WEEKLY;
    }

    /** Applies at the next run: a frequency also undoes an earlier unsubscription. */
    @Transactional
    public void choose(long supplierId, AlertChoice choice) {
        if (choice == AlertChoice.NONE) {
            memory.unsubscribe(supplierId, clock.instant());
            return;
        }
        memory.resubscribe(supplierId);
        memory.chooseFrequency(supplierId, choice, clock.instant());
    }

    private void queueMail(SupplierView view, List<ProgrammingLine> news, boolean weekly) {
        String base = mail.baseUrl();
        List<AlertLine> alertLines = news.stream().map(line -> new AlertLine(line.object(), line.expectedLaunch(),
            line.amountBand().label(), base + InterestController.lineUrl(line.year(), line.reference()))).toList();
        long supplierId = view.supplier().id();
        mail.queue(view.contact().email(), news.size() == 1 ? "Un achat prévu vous concerne peut-être"
            : news.size() + " achats prévus vous concernent peut-être", "programming-alert", Map.of(
            "supplierName", view.supplier().displayName(),
            "lines", alertLines,
            "programmingUrl", base + PublicProgrammingController.PATH,
            "weekly", weekly,
            "frequencyUrl", base + AlertSettingsController.SIGNED_PATH + "/" + supplierId + "/" + signature(supplierId),
            "unsubscribeUrl", base + AlertUnsubscribeController.PATH + "/" + supplierId + "/" + signature(supplierId)));
    }
}
