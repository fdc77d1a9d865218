package fr.vivier.programming;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a batch of census entries in one transaction: every line is checked like the staff form (same messages), and
 * with an editor the good ones are saved by year and reference; a line identical to the saved one is left alone, so
 * importing the same file twice changes nothing. A line with a bad lot is refused whole.
 */
@Singleton
class CensusBatch {
    private final LineValidator validator;
    private final ProgrammingService programming;
    private final ProgrammingRepository lines;

    CensusBatch(LineValidator validator, ProgrammingService programming, ProgrammingRepository lines) {
        this.validator = validator;
        this.programming = programming;
        this.lines = lines;
    }

    /** With no editor, a dry run: nothing is saved. One report per row of the file, in the entries' order. */
    @Transactional
    public List<CensusImport.RowReport> decide(List<CensusFile.Entry> entries, @Nullable Editor editor) {
        List<CensusImport.RowReport> reports = new ArrayList<>();
        for (CensusFile.Entry entry : entries) {
            reports.addAll(decide(entry, editor));
        }
        return reports;
    }

    private List<CensusImport.RowReport> decide(CensusFile.Entry entry, @Nullable Editor editor) {
        CensusFile.Row head = entry.head();
        String reference = head.get(CensusFile.Column.REFERENCE);
        if (entry.repeatOf() != null) {
            return List.of(rejected(head, reference, null, true, List.of("reference : cette référence figure déjà plus haut dans le fichier "
                + "(ligne " + entry.repeatOf() + ") pour la même année ; pour un lot, remplissez les colonnes lot_objet, lot_secteur, lot_montant_ht.")));
        }
        Map<CensusFile.Row, List<String>> lotProblems = lotProblems(entry);
        LineForm form = form(entry);
        LineValidator.Result result = validator.validate(form, form.direction());
        boolean lotsRefused = lotProblems.values().stream().anyMatch(problems -> !problems.isEmpty());
        if (result instanceof LineValidator.Result.Invalid || lotsRefused) {
            List<String> headProblems = new ArrayList<>(result instanceof LineValidator.Result.Invalid invalid
                ? problems(lineErrors(invalid.errors())) : List.of());
            if (lotsRefused) {
                headProblems.add("lots : un lot est refusé (voir ses lignes) ; la ligne n’est pas importée.");
            }
            List<CensusImport.RowReport> reports = new ArrayList<>();
            if (!entry.lotRows().contains(head)) {
                reports.add(rejected(head, reference, null, true, headProblems));
            }
            int number = 1;
            for (CensusFile.Row row : entry.lotRows()) {
                List<String> problems = new ArrayList<>(row == head ? headProblems : List.of());
                problems.addAll(lotProblems.get(row));
                if (problems.isEmpty()) {
                    problems.add("La ligne de programmation de ce lot est refusée.");
                }
                reports.add(rejected(row, reference, number++, row == head, problems));
            }
            return reports;
        }
        LineInput input = ((LineValidator.Result.Valid) result).input();
        Optional<ProgrammingLine> existing = lines.idOf(input.year(), input.reference()).flatMap(lines::find);
        LineInput complete = entry.lotRows().isEmpty() ? existing.map(line -> withLotsOf(input, line)).orElse(input) : input;
        CensusImport.Outcome outcome = existing.isEmpty() ? CensusImport.Outcome.CREATED
            : sameAs(complete, existing.get()) ? CensusImport.Outcome.UNCHANGED : CensusImport.Outcome.UPDATED;
        if (editor != null && outcome != CensusImport.Outcome.UNCHANGED) {
            programming.upsert(complete, editor);
        }
        List<CensusImport.RowReport> reports = new ArrayList<>();
        if (!entry.lotRows().contains(head)) {
            reports.add(new CensusImport.RowReport(head.line(), input.reference(), null, true, outcome, List.of()));
        }
        int number = 1;
        for (CensusFile.Row row : entry.lotRows()) {
            reports.add(new CensusImport.RowReport(row.line(), input.reference(), number++, row == head, outcome, List.of()));
        }
        return reports;
    }

    private static CensusImport.RowReport rejected(CensusFile.Row row, String reference, @Nullable Integer lot, boolean head,
                                                   List<String> problems) {
        return new CensusImport.RowReport(row.line(), reference, lot, head, CensusImport.Outcome.REJECTED, problems);
    }

    /** Each lot row's problems at its own columns; past the tenth lot, every row is refused. */
    private Map<CensusFile.Row, List<String>> lotProblems(CensusFile.Entry entry) {
        Map<CensusFile.Row, List<String>> problems = new LinkedHashMap<>();
        int number = 0;
        for (CensusFile.Row row : entry.lotRows()) {
            number++;
            List<String> found = new ArrayList<>();
            Map<String, String> errors = validator.lotProblems(row.get(CensusFile.Column.LOT_OBJET), row.get(CensusFile.Column.LOT_SECTEUR),
                row.get(CensusFile.Column.LOT_MONTANT));
            errors.forEach((field, message) -> found.add(column(field) + " : " + capitalised(message)));
            if (number > LineForm.LOT_ROWS) {
                found.add("lot_objet : Une ligne compte au plus " + LineForm.LOT_ROWS + " lots.");
            }
            problems.put(row, found);
        }
        return problems;
    }

    private static String capitalised(String message) {
        return message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
    }

    /** A line without lot rows keeps the lots it was given on its page. */
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

    /** The lots' errors are reported at their own rows. */
    private static Map<String, String> lineErrors(Map<String, String> errors) {
        Map<String, String> line = new LinkedHashMap<>(errors);
        line.keySet().removeIf(field -> field.startsWith("lot"));
        return line;
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
            case "lotObject" -> "lot_objet";
            case "lotSector" -> "lot_secteur";
            case "lotAmount" -> "lot_montant_ht";
            default -> field;
        };
    }

    private static LineForm form(CensusFile.Entry entry) {
        CensusFile.Row row = entry.head();
        List<CensusFile.Row> lots = entry.lotRows();
        return new LineForm(row.get(CensusFile.Column.ANNEE), row.get(CensusFile.Column.REFERENCE), row.get(CensusFile.Column.OBJET),
            row.get(CensusFile.Column.DESCRIPTION), row.get(CensusFile.Column.DIRECTION),
            List.of(row.get(CensusFile.Column.SECTEURS).split("[\\s,;]+")), row.get(CensusFile.Column.CPV),
            row.get(CensusFile.Column.MONTANT), row.get(CensusFile.Column.TRIMESTRE), row.get(CensusFile.Column.MOIS),
            vocabulary(Vocabulary.Procedure.values(), row.get(CensusFile.Column.PROCEDURE), "ADAPTED"),
            vocabulary(Vocabulary.Nature.values(), row.get(CensusFile.Column.NATURE), "CONTRACT"), row.get(CensusFile.Column.LIEUX),
            yes(row.get(CensusFile.Column.CLAUSE_SOCIALE)), yes(row.get(CensusFile.Column.CRITERE_SOCIAL)),
            row.get(CensusFile.Column.RESERVE).toUpperCase(Locale.ROOT), yes(row.get(CensusFile.Column.CLAUSE_ENVIRONNEMENTALE)),
            yes(row.get(CensusFile.Column.CRITERE_ENVIRONNEMENTAL)), row.get(CensusFile.Column.THEMES), yes(row.get(CensusFile.Column.VARIANTES)),
            yes(row.get(CensusFile.Column.INNOVANT)), row.get(CensusFile.Column.CONTACT),
            lots.stream().map(lot -> lot.get(CensusFile.Column.LOT_OBJET)).toList(),
            lots.stream().map(lot -> lot.get(CensusFile.Column.LOT_SECTEUR)).toList(),
            lots.stream().map(lot -> lot.get(CensusFile.Column.LOT_MONTANT)).toList());
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
}
