package fr.vivier.programming;

import fr.vivier.web.ServerKeys;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The yearly census import: every row is checked like the staff form (same messages), a preview says what would
 * happen, the import saves the good rows by year and reference (a row identical to the saved line changes nothing,
 * so importing the same file twice changes nothing) and lists the bad ones with their line, column and reason.
 */
@Singleton
class CensusImport {
    private static final String KEY = "programming-census";

    private final LineValidator validator;
    private final ProgrammingService programming;
    private final ProgrammingRepository lines;
    private final ServerKeys keys;

    CensusImport(LineValidator validator, ProgrammingService programming, ProgrammingRepository lines, ServerKeys keys) {
        this.validator = validator;
        this.programming = programming;
        this.lines = lines;
        this.keys = keys;
    }

    enum Outcome {
        CREATED("Créée"), UPDATED("Mise à jour"), UNCHANGED("Déjà à jour, inchangée"), REJECTED("Refusée");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    record RowReport(int line, String reference, Outcome outcome, List<String> problems) { }

    record Report(List<RowReport> rows, @Nullable String refusal) {
        long count(Outcome outcome) {
            return rows.stream().filter(row -> row.outcome() == outcome).count();
        }

        public long created() { return count(Outcome.CREATED); }
        public long updated() { return count(Outcome.UPDATED); }
        public long unchanged() { return count(Outcome.UNCHANGED); }
        public long rejected() { return count(Outcome.REJECTED); }
    }

    @Transactional(readOnly = true)
    public Report preview(byte[] content) {
        return run(content, null);
    }

    @Transactional
    public Report importFile(byte[] content, Editor editor) {
        return run(content, editor);
    }

    /** With no editor, a dry run: nothing is saved. */
    private Report run(byte[] content, @Nullable Editor editor) {
        CensusFile.Read read = CensusFile.read(content);
        if (read.refusal().isPresent()) {
            return new Report(List.of(), read.refusal().get());
        }
        List<RowReport> reports = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CensusFile.Row row : read.rows()) {
            String key = row.get(CensusFile.Column.ANNEE) + "/" + row.get(CensusFile.Column.REFERENCE);
            LineForm form = form(row);
            LineValidator.Result result = validator.validate(form, form.direction());
            if (result instanceof LineValidator.Result.Invalid invalid) {
                reports.add(new RowReport(row.line(), row.get(CensusFile.Column.REFERENCE), Outcome.REJECTED, problems(invalid.errors())));
                continue;
            }
            if (!seen.add(key)) {
                reports.add(new RowReport(row.line(), row.get(CensusFile.Column.REFERENCE), Outcome.REJECTED,
                    List.of("reference : cette référence figure déjà plus haut dans le fichier pour la même année.")));
                continue;
            }
            LineInput input = ((LineValidator.Result.Valid) result).input();
            Optional<ProgrammingLine> existing = lines.idOf(input.year(), input.reference()).flatMap(lines::find);
            LineInput withLots = existing.map(line -> withLotsOf(input, line)).orElse(input);
            Outcome outcome = existing.isEmpty() ? Outcome.CREATED : sameAs(withLots, existing.get()) ? Outcome.UNCHANGED : Outcome.UPDATED;
            if (editor != null && outcome != Outcome.UNCHANGED) {
                programming.upsert(withLots, editor);
            }
            reports.add(new RowReport(row.line(), input.reference(), outcome, List.of()));
        }
        return new Report(reports, null);
    }

    /** The census has no lot columns: a line keeps the lots it was given on its page. */
    private static LineInput withLotsOf(LineInput input, ProgrammingLine line) {
        return new LineInput(input.year(), input.reference(), input.object(), input.description(), input.direction(), input.sectors(),
            input.cpvCodes(), input.estimatedAmount(), input.expectedQuarter(), input.expectedMonth(), input.procedure(), input.nature(),
            input.places(), input.socialClause(), input.socialCriterion(), input.reservation(), input.environmentalClause(),
            input.environmentalCriterion(), input.environmentalThemes(), input.variants(), input.innovative(), input.contact(),
            line.lots().stream().map(lot -> new LineInput.LotInput(lot.object(), lot.sectors(), lot.estimatedAmount())).toList());
    }

    private boolean sameAs(LineInput input, ProgrammingLine line) {
        LineValidator.Result saved = validator.validate(LineForm.of(line), line.direction());
        return saved instanceof LineValidator.Result.Valid valid && withLotsOf(valid.input(), line).equals(input);
    }

    private static List<String> problems(Map<String, String> errors) {
        return errors.entrySet().stream().map(e -> column(e.getKey()) + " : " + e.getValue()).toList();
    }

    /** The census column of a form field, for the report. */
    private static String column(String field) {
        return switch (field) {
            case "year" -> "annee";
            case "reference" -> "reference";
            case "object" -> "objet";
            case "estimatedAmount" -> "montant_estime_ht";
            case "description" -> "description";
            case "direction" -> "direction";
            case "sectors" -> "secteurs";
            case "cpvCodes" -> "codes_cpv";
            case "expectedQuarter" -> "trimestre";
            case "expectedMonth" -> "mois";
            case "procedure" -> "procedure";
            case "nature" -> "nature";
            case "places" -> "lieux_execution";
            case "reservation" -> "reserve";
            case "environmentalThemes" -> "themes_environnementaux";
            case "contact" -> "contact";
            default -> field;
        };
    }

    private static LineForm form(CensusFile.Row row) {
        return new LineForm(row.get(CensusFile.Column.ANNEE), row.get(CensusFile.Column.REFERENCE), row.get(CensusFile.Column.OBJET),
            row.get(CensusFile.Column.DESCRIPTION), row.get(CensusFile.Column.DIRECTION),
            List.of(row.get(CensusFile.Column.SECTEURS).split("[\\s,;]+")), row.get(CensusFile.Column.CPV),
            row.get(CensusFile.Column.MONTANT), row.get(CensusFile.Column.TRIMESTRE), row.get(CensusFile.Column.MOIS),
            vocabulary(Vocabulary.Procedure.values(), row.get(CensusFile.Column.PROCEDURE), "ADAPTED"),
            vocabulary(Vocabulary.Nature.values(), row.get(CensusFile.Column.NATURE), "CONTRACT"), row.get(CensusFile.Column.LIEUX),
            yes(row.get(CensusFile.Column.CLAUSE_SOCIALE)), yes(row.get(CensusFile.Column.CRITERE_SOCIAL)),
            row.get(CensusFile.Column.RESERVE).toUpperCase(Locale.ROOT), yes(row.get(CensusFile.Column.CLAUSE_ENVIRONNEMENTALE)),
            yes(row.get(CensusFile.Column.CRITERE_ENVIRONNEMENTAL)), row.get(CensusFile.Column.THEMES), yes(row.get(CensusFile.Column.VARIANTES)),
            yes(row.get(CensusFile.Column.INNOVANT)), row.get(CensusFile.Column.CONTACT), List.of(), List.of(), List.of());
    }

    /** A DECP label (« Procédure adaptée ») or the code (ADAPTED); empty means the default. */
    private static <E extends Enum<E>> String vocabulary(E[] values, String typed, String fallback) {
        if (typed.isBlank()) {
            return fallback;
        }
        for (E value : values) {
            String label = value instanceof Vocabulary.Procedure p ? p.label() : ((Vocabulary.Nature) value).label();
            if (value.name().equalsIgnoreCase(typed.strip()) || label.equalsIgnoreCase(typed.strip().replace('’', '\''))) {
                return value.name();
            }
        }
        return typed;
    }

    private static @Nullable String yes(String typed) {
        String value = typed.strip().toLowerCase(Locale.ROOT);
        return value.equals("oui") || value.equals("x") || value.equals("1") || value.equals("vrai") ? "on" : null;
    }

    /** The previewed file travels in the confirmation form, gzipped, base64url, signed with a server key. */
    String pack(byte[] content) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(packed.toByteArray());
    }

    String signature(String packed) {
        return keys.sign(KEY, packed.getBytes(StandardCharsets.US_ASCII));
    }

    /** The file of a confirmation form, when its signature is ours; never read beyond the size limit. */
    Optional<byte[]> unpack(@Nullable String packed, @Nullable String signature) {
        if (packed == null || signature == null || signature.length() > 128
            || !keys.verify(KEY, packed.getBytes(StandardCharsets.US_ASCII), signature)) {
            return Optional.empty();
        }
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(packed.strip())))) {
            byte[] content = gzip.readNBytes(CensusFile.MAX_BYTES + 1);
            return content.length > CensusFile.MAX_BYTES ? Optional.empty() : Optional.of(content);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
