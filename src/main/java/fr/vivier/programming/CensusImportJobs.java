package fr.vivier.programming;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Runs a confirmed census import in the background (the I/O executor, like the search index rebuild) and keeps its
 * progress and report in PostgreSQL, so that the progress page answers on any instance. One import runs at a time.
 */
@Singleton
class CensusImportJobs {
    private static final Logger LOG = LoggerFactory.getLogger(CensusImportJobs.class);
    /** A running import that has not finished a batch for this long was cut short (its instance stopped). */
    static final Duration STALE = Duration.ofMinutes(10);
    static final String UNEXPECTED = "L’import s’est arrêté sur une erreur inattendue. Les lignes déjà traitées sont enregistrées : "
        + "relancez l’import du même fichier, elles resteront inchangées.";
    static final String CUT_SHORT = "L’import a été interrompu (arrêt du serveur). Les lignes déjà traitées sont enregistrées : "
        + "relancez l’import du même fichier, elles resteront inchangées.";

    private final CensusImport census;
    private final CensusImportJobRepository jobs;
    private final ExecutorService executor;
    private final Clock clock;

    CensusImportJobs(CensusImport census, CensusImportJobRepository jobs, @Named(TaskExecutors.IO) ExecutorService executor, Clock clock) {
        this.census = census;
        this.jobs = jobs;
        this.executor = executor;
        this.clock = clock;
    }

    /** An import as its page shows it: where it stands and, row by row, what became of the rows done so far. */
    record Status(CensusImportJobRepository.Job job, boolean running, boolean cutShort, CensusImport.Report report) {
        public int percent() {
            return job.totalRows() == 0 ? 0 : job.doneRows() * 100 / job.totalRows();
        }

        public @Nullable String failure() {
            return cutShort ? CUT_SHORT : job.failure();
        }
    }

    /** Records the import and starts it; empty when another import is running. */
    Optional<Long> start(byte[] content, Editor editor) {
        Optional<Long> id = jobs.open(editor, clock.instant(), STALE);
        id.ifPresent(job -> executor.submit(() -> run(job, content, editor)));
        return id;
    }

    Optional<Status> status(long id) {
        return jobs.find(id).map(job -> {
            boolean running = job.state() == CensusImportJobRepository.State.RUNNING;
            boolean cutShort = running && job.updatedAt().isBefore(clock.instant().minus(STALE));
            List<CensusImport.RowReport> rows = running && !cutShort ? List.of() : jobs.reports(id);
            return new Status(job, running && !cutShort, cutShort, new CensusImport.Report(rows, null));
        });
    }

    private void run(long id, byte[] content, Editor editor) {
        try {
            CensusImport.Report report = census.importFile(content, editor, new CensusImport.Progress() {
                public void started(int rows) {
                    jobs.started(id, rows, clock.instant());
                }

                public void decided(List<CensusImport.RowReport> rows) {
                    jobs.decided(id, rows, clock.instant());
                }
            });
            CensusImportJobRepository.State state = report.refusal() == null ? CensusImportJobRepository.State.DONE
                : CensusImportJobRepository.State.FAILED;
            jobs.finished(id, state, report.refusal(), clock.instant());
            LOG.info("census import {} finished: {} created, {} updated, {} unchanged, {} rejected", id, report.created(),
                report.updated(), report.unchanged(), report.rejected());
        } catch (RuntimeException e) {
            LOG.error("census import {} failed", id, e);
            jobs.finished(id, CensusImportJobRepository.State.FAILED, UNEXPECTED, clock.instant());
        }
    }
}
