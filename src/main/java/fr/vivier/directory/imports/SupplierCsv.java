package fr.vivier.directory.imports;

import fr.vivier.directory.StructureKind;
import fr.vivier.directory.SupplierInput;
import io.micronaut.core.annotation.Nullable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The CSV format of a supplier list a city already has (model file: /static/modeles/fournisseurs.csv): UTF-8 with or
 * without BOM, « ; » or « , » (read from the header line), French column names, « | » between the values of a
 * multi-valued cell. Each row becomes the same {@link SupplierInput} as the form and the API; the rules themselves
 * stay in {@link SupplierValidator}. Knows nothing of the database.
 */
final class SupplierCsv {
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ROWS = 5_000;
    static final String VALUE_SEPARATOR = "|";

    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("line (\\d+)");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    /** The columns, in the order of the model file; the header name is the constant's name in lower case. */
    enum Column {
        SIRET(true, "siret", "14 chiffres, espaces tolérés"),
        RAISON_SOCIALE(true, "name", "nom légal de la structure"),
        NOM_COMMERCIAL(false, "tradeName", "nom d’usage, s’il diffère"),
        FORME_JURIDIQUE(true, "legalForm", "code de la liste ci-dessous, par exemple SARL ou ASSOCIATION"),
        TAILLE(true, "size", "TPE, PME, ETI ou GE"),
        TYPE_STRUCTURE(true, "kind", "code de la liste ci-dessous, par exemple ACI, ESAT ou ENTREPRISE"),
        COMMUNE_INSEE(true, "communeCode", "code INSEE de la commune de l’établissement (pas le code postal)"),
        ZONE_INTERVENTION(false, "interventionArea",
            "TYPE:CODE séparés par |, par exemple COMMUNE:93010|EPCI:200057875|DEPARTEMENT:93|REGION:11, ou NATIONAL ; "
                + "vide : la commune de l’établissement"),
        SECTEURS(true, "sectors", "codes de secteur séparés par |, par exemple espaces-verts-entretien|proprete-locaux"),
        LABELS(false, "labels", "codes de label séparés par |, par exemple rge|qualiopi"),
        DESCRIPTION(false, "description", "texte libre, 4 000 caractères au plus"),
        OFFRES(false, "offers", "produits ou services séparés par |"),
        SITE_WEB(false, "website", "adresse du site, par exemple https://www.exemple.fr"),
        CONTACT_NOM(true, "contact.name", "prénom et nom de la personne à contacter"),
        CONTACT_FONCTION(false, "contact.role", "fonction de la personne à contacter"),
        CONTACT_EMAIL(true, "contact.email", "adresse électronique de la personne à contacter"),
        CONTACT_TELEPHONE(false, "contact.phone", "téléphone"),
        CONSENTEMENT_PUBLICATION(false, null, "oui ou non (vide : non)"),
        CONSENTEMENT_RECONTACT(false, null, "oui ou non (vide : non)"),
        CONSENTEMENT_ALERTES(false, null, "oui ou non (vide : non)");

        private final boolean required;
        private final @Nullable String inputPath;
        private final String hint;

        Column(boolean required, @Nullable String inputPath, String hint) {
            this.required = required;
            this.inputPath = inputPath;
            this.hint = hint;
        }

        public String header() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean required() {
            return required;
        }

        public String hint() {
            return hint;
        }

        static Optional<Column> ofHeader(String header) {
            return Arrays.stream(values()).filter(c -> c.header().equals(header)).findFirst();
        }
    }

    sealed interface Result {
        /** The file can be read: one row per non-empty line, with the problems only the CSV layer can see. */
        record Parsed(List<Row> rows) implements Result { }

        /** The whole file is refused (size, encoding, header, CSV syntax): nothing of it is used. */
        record Refused(String reason) implements Result { }
    }

    /** A data row: {@code line} is where it starts in the file (the header is line 1). */
    record Row(long line, SupplierInput input, List<SupplierImportError> errors) { }

    private SupplierCsv() {
    }

    static String header(char separator) {
        return Arrays.stream(Column.values()).map(Column::header).collect(Collectors.joining(String.valueOf(separator)));
    }

    /** The CSV column a {@link SupplierValidator} error path belongs to: {@code labels[1].code} → {@code labels}. */
    static String columnFor(String path) {
        for (Column column : Column.values()) {
            String own = column.inputPath;
            if (own != null && (path.equals(own) || path.startsWith(own + "[") || path.startsWith(own + "."))) {
                return column.header();
            }
        }
        return path;
    }

    static Result parse(byte[] content) {
        if (content.length > MAX_BYTES) {
            return new Result.Refused("Le fichier pèse " + megabytes(content.length) + " Mo : 2 Mo au plus. Découpez-le en plusieurs fichiers.");
        }
        Optional<String> text = utf8(content);
        if (text.isEmpty()) {
            return new Result.Refused("Le fichier n’est pas encodé en UTF-8. Dans votre tableur, enregistrez-le au format « CSV UTF-8 ».");
        }
        String csv = text.get().startsWith("\uFEFF") ? text.get().substring(1) : text.get();
        if (csv.isBlank()) {
            return new Result.Refused("Le fichier est vide.");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separatorOf(csv)).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            return readRows(parser);
        } catch (IOException | UncheckedIOException e) {
            return new Result.Refused(syntaxProblem(e));
        }
    }

    private static Result readRows(CSVParser parser) {
        Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) {
            return new Result.Refused("Le fichier est vide.");
        }
        List<String> headers = records.next().toList();
        Optional<String> problem = headerProblem(headers);
        if (problem.isPresent()) {
            return new Result.Refused(problem.get());
        }
        Column[] columns = headers.stream().map(h -> Column.ofHeader(normalise(h)).orElse(null)).toArray(Column[]::new);
        List<Row> rows = new ArrayList<>();
        while (records.hasNext()) {
            CSVRecord record = records.next();
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                return new Result.Refused("Le fichier compte plus de " + thousands(MAX_ROWS)
                    + " lignes de fournisseurs : découpez-le en plusieurs fichiers.");
            }
            rows.add(row(startLine(parser, record), record, columns));
        }
        if (rows.isEmpty()) {
            return new Result.Refused("Le fichier ne contient aucune ligne de fournisseur après la ligne d’en-tête.");
        }
        return new Result.Parsed(rows);
    }

    private static Optional<String> headerProblem(List<String> headers) {
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : headers.stream().map(SupplierCsv::normalise).toList()) {
            if (name.isEmpty()) {
                continue; // spreadsheets add empty columns after the last one
            }
            if (Column.ofHeader(name).isEmpty()) {
                unknown.add(name);
            } else if (!seen.add(name)) {
                return Optional.of("La colonne « " + name + " » apparaît deux fois dans la ligne d’en-tête.");
            }
        }
        if (!unknown.isEmpty()) {
            return Optional.of("Colonne(s) inconnue(s) dans la ligne d’en-tête : " + quoted(unknown)
                + ". La première ligne doit reprendre les noms de colonnes du modèle : " + header(';').replace(";", ", ") + ".");
        }
        List<String> missing = Arrays.stream(Column.values()).filter(c -> c.required && !seen.contains(c.header()))
            .map(Column::header).toList();
        if (!missing.isEmpty()) {
            return Optional.of("Colonne(s) obligatoire(s) absente(s) de la ligne d’en-tête : " + quoted(missing) + ".");
        }
        return Optional.empty();
    }

    private static Row row(long line, CSVRecord record, Column[] columns) {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        List<SupplierImportError> errors = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            if (i < columns.length && columns[i] != null) {
                cells.put(columns[i], record.get(i));
            } else if (!record.get(i).isBlank()) {
                errors.add(new SupplierImportError(line, null, "La ligne compte " + record.size() + " valeurs pour " + columns.length
                    + " colonnes : vérifiez le séparateur et les guillemets."));
                break;
            }
        }
        SupplierInput.ConsentsInput consents = new SupplierInput.ConsentsInput(
            consent(line, cells, Column.CONSENTEMENT_PUBLICATION, errors),
            consent(line, cells, Column.CONSENTEMENT_RECONTACT, errors),
            consent(line, cells, Column.CONSENTEMENT_ALERTES, errors));
        String communeCode = cells.get(Column.COMMUNE_INSEE);
        SupplierInput input = new SupplierInput(cells.get(Column.SIRET), cells.get(Column.RAISON_SOCIALE),
            cells.get(Column.NOM_COMMERCIAL), cells.get(Column.FORME_JURIDIQUE), cells.get(Column.TAILLE),
            kind(cells.get(Column.TYPE_STRUCTURE)), communeCode, areas(line, cells, communeCode, errors),
            values(cells.get(Column.SECTEURS)),
            values(cells.get(Column.LABELS)).stream().map(code -> new SupplierInput.LabelInput(code, null, null)).toList(),
            cells.get(Column.DESCRIPTION), values(cells.get(Column.OFFRES)), List.of(), cells.get(Column.SITE_WEB),
            new SupplierInput.ContactInput(cells.get(Column.CONTACT_NOM), cells.get(Column.CONTACT_FONCTION),
                cells.get(Column.CONTACT_EMAIL), cells.get(Column.CONTACT_TELEPHONE)),
            consents, null);
        return new Row(line, input, errors);
    }

    /** An empty area cell means the commune of the establishment, like the registration form's pre-ticked box. */
    private static List<SupplierInput.AreaInput> areas(long line, Map<Column, String> cells, @Nullable String communeCode,
                                                       List<SupplierImportError> errors) {
        List<String> given = values(cells.get(Column.ZONE_INTERVENTION));
        if (given.isEmpty()) {
            return communeCode == null || communeCode.isBlank() ? List.of() : List.of(new SupplierInput.AreaInput("COMMUNE", communeCode));
        }
        List<SupplierInput.AreaInput> areas = new ArrayList<>();
        for (String area : given) {
            int colon = area.indexOf(':');
            if (colon > 0) {
                areas.add(new SupplierInput.AreaInput(area.substring(0, colon).strip(), area.substring(colon + 1).strip()));
            } else if ("NATIONAL".equalsIgnoreCase(area)) {
                areas.add(new SupplierInput.AreaInput("NATIONAL", "FR"));
            } else {
                errors.add(new SupplierImportError(line, Column.ZONE_INTERVENTION.header(), "Zone « " + abbreviate(area)
                    + " » : écrivez TYPE:CODE, par exemple COMMUNE:93010, EPCI:200057875, DEPARTEMENT:93, REGION:11, ou NATIONAL."));
            }
        }
        return areas;
    }

    /** The shared codes are the English enum names; « ENTREPRISE » is what a French file says for an ordinary company. */
    private static @Nullable String kind(@Nullable String value) {
        return value != null && "entreprise".equalsIgnoreCase(value.strip()) ? StructureKind.COMPANY.name() : value;
    }

    /** An import cannot invent a consent: only « oui » grants one. */
    private static boolean consent(long line, Map<Column, String> cells, Column column, List<SupplierImportError> errors) {
        String value = cells.get(column);
        String answer = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (answer.equals("oui")) {
            return true;
        }
        if (!answer.isEmpty() && !answer.equals("non")) {
            errors.add(new SupplierImportError(line, column.header(), "Répondez « oui » ou « non » (une case vide vaut « non »)."));
        }
        return false;
    }

    private static List<String> values(@Nullable String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(Pattern.quote(VALUE_SEPARATOR))).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /**
     * The parser knows the line where a record ends; a quoted cell may span several lines, so the record starts
     * that many line breaks earlier. (Its character position is no help: it includes the empty lines skipped before.)
     */
    private static long startLine(CSVParser parser, CSVRecord record) {
        long breaks = record.stream().mapToLong(value -> LINE_BREAK.matcher(value).results().count()).sum();
        return parser.getCurrentLineNumber() - breaks;
    }

    private static char separatorOf(String csv) {
        int end = 0;
        while (end < csv.length() && csv.charAt(end) != '\n' && csv.charAt(end) != '\r') {
            end++;
        }
        String header = csv.substring(0, end);
        return !header.contains(";") && header.contains(",") ? ',' : ';';
    }

    private static Optional<String> utf8(byte[] content) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String syntaxProblem(Exception e) {
        Matcher line = LINE_IN_MESSAGE.matcher(String.valueOf(e.getMessage()));
        String where = line.find() ? " près de la ligne " + line.group(1) : "";
        return "Le fichier n’est pas un CSV valide" + where
            + " : un champ entre guillemets n’est pas refermé ou est suivi d’autres caractères. Vérifiez les guillemets et réessayez.";
    }

    /** Header cells as people type them: « Raison sociale » is raison_sociale. */
    private static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    private static String quoted(Collection<String> names) {
        return names.stream().map(n -> "« " + abbreviate(n) + " »").collect(Collectors.joining(", "));
    }

    private static String abbreviate(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.FRANCE, "%.1f", bytes / (1024.0 * 1024.0));
    }

    private static String thousands(int number) {
        return String.format(Locale.FRANCE, "%,d", number).replace('\u202f', '\u00a0');
    }
}
