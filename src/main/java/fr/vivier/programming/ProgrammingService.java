package fr.vivier.programming;

import fr.vivier.search.FrenchAnalyzer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The staff side of programming: create and edit lines, move them through their statuses, publish them. */
@Singleton
public class ProgrammingService {
    private static final Logger LOG = LoggerFactory.getLogger(ProgrammingService.class);
    static final String DUPLICATE_REFERENCE = "Cette référence existe déjà pour cette année : choisissez-en une autre.";

    private final ProgrammingRepository lines;
    private final LineValidator validator;
    private final PlaceAreas areas;
    private final FrenchAnalyzer analyzer;
    private final Clock clock;

    ProgrammingService(ProgrammingRepository lines, LineValidator validator, PlaceAreas areas, FrenchAnalyzer analyzer, Clock clock) {
        this.lines = lines;
        this.validator = validator;
        this.areas = areas;
        this.analyzer = analyzer;
        this.clock = clock;
    }

    /** The outcome of a save: the line's id, or the French message of each field in error (nothing saved). */
    public sealed interface Saved {
        record Done(long id) implements Saved { }

        record Invalid(Map<String, String> errors) implements Saved { }
    }

    /** A buyer's line always belongs to the buyer's direction, whatever the form says. */
    @Transactional
    public Saved create(LineForm form, Editor editor) {
        LineValidator.Result result = validator.validate(form, editor.staff() ? LineValidator.text(form.direction())
            : LineValidator.text(editor.direction()));
        if (result instanceof LineValidator.Result.Invalid invalid) {
            return new Saved.Invalid(invalid.errors());
        }
        LineInput input = ((LineValidator.Result.Valid) result).input();
        if (lines.idOf(input.year(), input.reference()).isPresent()) {
            return new Saved.Invalid(Map.of("reference", DUPLICATE_REFERENCE));
        }
        long id = lines.insert(input, derived(input), LineStatus.PLANNED, clock.instant());
        lines.recordStatus(id, null, LineStatus.PLANNED, editor.accountId(), editor.name(), clock.instant());
        LOG.info("programming line {} created by account {}", id, editor.accountId());
        return new Saved.Done(id);
    }

    /** @throws NotYours when the editor may not edit this line */
    @Transactional
    public Saved update(long id, LineForm form, Editor editor) {
        ProgrammingLine line = editable(id, editor);
        LineValidator.Result result = validator.validate(form, editor.staff() ? LineValidator.text(form.direction()) : line.direction());
        if (result instanceof LineValidator.Result.Invalid invalid) {
            return new Saved.Invalid(invalid.errors());
        }
        LineInput input = ((LineValidator.Result.Valid) result).input();
        Optional<Long> sameReference = lines.idOf(input.year(), input.reference());
        if (sameReference.isPresent() && sameReference.get() != id) {
            return new Saved.Invalid(Map.of("reference", DUPLICATE_REFERENCE));
        }
        lines.update(id, input, derived(input), clock.instant());
        return new Saved.Done(id);
    }

    /** Checks and saves a typed line by year and reference (created when absent, updated otherwise), then publishes it. */
    @Transactional
    public Saved saveAndPublish(LineForm form, Editor editor) {
        LineValidator.Result result = validator.validate(form, LineValidator.text(form.direction()));
        if (result instanceof LineValidator.Result.Invalid invalid) {
            return new Saved.Invalid(invalid.errors());
        }
        Saved saved = upsert(((LineValidator.Result.Valid) result).input(), editor);
        long id = ((Saved.Done) saved).id();
        if (!lines.find(id).orElseThrow().published()) {
            lines.setPublished(id, true, clock.instant());
        }
        return saved;
    }

    /** Saves a line found by year and reference, creating it when absent (the yearly census import). */
    @Transactional
    public Saved upsert(LineInput input, Editor editor) {
        Optional<Long> existing = lines.idOf(input.year(), input.reference());
        if (existing.isPresent()) {
            lines.update(existing.get(), input, derived(input), clock.instant());
            return new Saved.Done(existing.get());
        }
        long id = lines.insert(input, derived(input), LineStatus.PLANNED, clock.instant());
        lines.recordStatus(id, null, LineStatus.PLANNED, editor.accountId(), editor.name(), clock.instant());
        return new Saved.Done(id);
    }

    /**
     * Moves the line to {@code target}; a launched line needs the consultation's address (http or https).
     *
     * @return the French reason of a refusal, empty when the status changed
     */
    @Transactional
    public Optional<String> changeStatus(long id, LineStatus target, @Nullable String consultationUrl, Editor editor) {
        ProgrammingLine line = editable(id, editor);
        Optional<String> refusal = line.status().refusalTowards(target);
        if (refusal.isPresent()) {
            return refusal;
        }
        String url = consultationUrl == null || consultationUrl.isBlank() ? null : consultationUrl.strip();
        if (target == LineStatus.LAUNCHED) {
            if (url == null) {
                return Optional.of("Indiquez l’adresse de la consultation (profil d’acheteur) pour marquer la ligne comme lancée.");
            }
            if (!isWebAddress(url)) {
                return Optional.of("L’adresse de la consultation doit commencer par https:// ou http://.");
            }
        }
        lines.changeStatus(id, line.status(), target, target == LineStatus.LAUNCHED ? url : null, editor.accountId(), editor.name(),
            clock.instant());
        return Optional.empty();
    }

    @Transactional
    public void setPublished(long id, boolean published, Editor editor) {
        editable(id, editor);
        lines.setPublished(id, published, clock.instant());
        LOG.info("programming line {} {} by account {}", id, published ? "published" : "unpublished", editor.accountId());
    }

    @Transactional(readOnly = true)
    public Optional<ProgrammingLine> find(long id) {
        return lines.find(id);
    }

    @Transactional(readOnly = true)
    public List<ProgrammingRepository.StatusChange> statusChanges(long id) {
        return lines.statusChanges(id);
    }

    /** PROGRAMMED_VS_LAUNCHED: lines of the year, and those launched (now or at some point), from the status history. */
    @Transactional(readOnly = true)
    public ProgrammingRepository.ProgrammedVsLaunched programmedVsLaunched(int year) {
        return lines.programmedVsLaunched(year);
    }

    /** The staff list: a buyer sees the lines of its direction only; staff see every line, or one direction's. */
    @Transactional(readOnly = true)
    public LinePage staffList(@Nullable Integer year, @Nullable String direction, @Nullable LineStatus status, Editor editor,
                              int page, int pageSize) {
        List<String> where = new ArrayList<>(List.of("TRUE"));
        List<Object> parameters = new ArrayList<>();
        if (year != null) {
            where.add("l.year = ?");
            parameters.add(year);
        }
        String wantedDirection = editor.staff() ? direction : editor.direction();
        if (!editor.staff() && (wantedDirection == null || wantedDirection.isBlank())) {
            return new LinePage(List.of(), 0, 0, pageSize);
        }
        if (wantedDirection != null && !wantedDirection.isBlank()) {
            where.add("lower(l.direction) = lower(?)");
            parameters.add(wantedDirection.strip());
        }
        if (status != null) {
            where.add("l.status = ?");
            parameters.add(status.name());
        }
        List<Long> ids = lines.ids(String.join(" AND ", where), parameters, "l.year DESC, l.expected_quarter, l.reference");
        return LinePage.of(ids, page, pageSize, lines);
    }

    /** Refused to a buyer of another direction. */
    public static final class NotYours extends RuntimeException {
        NotYours() {
            super("line of another direction");
        }
    }

    private ProgrammingLine editable(long id, Editor editor) {
        ProgrammingLine line = lines.find(id).orElseThrow(() -> new java.util.NoSuchElementException("line " + id));
        if (!editor.mayEdit(line)) {
            throw new NotYours();
        }
        return line;
    }

    private ProgrammingRepository.Derived derived(LineInput input) {
        List<String> texts = new ArrayList<>(List.of(input.reference(), input.object(), input.description(), input.environmentalThemes()));
        input.lots().forEach(lot -> texts.add(lot.object()));
        List<String> terms = analyzer.terms(String.join(" \n ", texts)).stream().distinct().collect(Collectors.toList());
        return new ProgrammingRepository.Derived(terms, areas.touched(input.places()));
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null && url.length() <= 500;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
