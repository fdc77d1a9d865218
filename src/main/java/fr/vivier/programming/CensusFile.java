package fr.vivier.programming;

import io.micronaut.core.annotation.Nullable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The yearly census of purchase needs as a spreadsheet: CSV (semicolon or comma, UTF-8) or XLSX (first sheet), one line
 * per programming line, with French column headers. Reading only: rows become maps from column to text, then entries.
 * A line's lots are rows of their own: the first row of a year and reference gives the line, and every row of that year
 * and reference with lot columns gives one lot, in file order. A later row of the same year and reference without lot
 * columns repeats the reference: it is refused.
 */
final class CensusFile {
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ROWS = 5_000;

    /** The columns, in the template's order; the first four are required. */
    enum Column {
        ANNEE("annee", "Année, par exemple 2027"),
        REFERENCE("reference", "Unique dans l’année : lettres sans accent, chiffres, . _ -"),
        OBJET("objet", "L’objet de l’achat"),
        MONTANT("montant_estime_ht", "Montant estimé en € HT, par exemple 45000 ou 12500,50"),
        DESCRIPTION("description", "Le besoin, tel que les fournisseurs le liront"),
        DIRECTION("direction", "La direction qui porte l’achat"),
        SECTEURS("secteurs", "Codes de secteurs de la taxonomie, séparés par des espaces"),
        CPV("codes_cpv", "Codes CPV à huit chiffres, séparés par des espaces"),
        TRIMESTRE("trimestre", "1, 2, 3 ou 4"),
        MOIS("mois", "1 à 12 (facultatif)"),
        PROCEDURE("procedure", "Procédure adaptée, Appel d'offres ouvert…"),
        NATURE("nature", "Marché, Marché de partenariat, Marché de défense ou de sécurité"),
        LIEUX("lieux_execution", "Codes INSEE de commune, SIREN d’EPCI/EPT ou numéros de département"),
        CLAUSE_SOCIALE("clause_sociale", "oui ou non"),
        CRITERE_SOCIAL("critere_social", "oui ou non"),
        RESERVE("reserve", "SIAE, STPA, ESS ou vide"),
        CLAUSE_ENVIRONNEMENTALE("clause_environnementale", "oui ou non"),
        CRITERE_ENVIRONNEMENTAL("critere_environnemental", "oui ou non"),
        THEMES("themes_environnementaux", "Par exemple : réemploi, zéro phyto"),
        VARIANTES("variantes", "oui ou non"),
        INNOVANT("innovant", "oui ou non"),
        CONTACT("contact", "Service et adresse électronique générique"),
        LOT_OBJET("lot_objet", "Un lot par ligne du fichier : l’objet du lot ; ajoutez une ligne avec la même année et la même "
            + "référence pour chaque lot suivant (les autres colonnes peuvent y rester vides)"),
        LOT_SECTEUR("lot_secteur", "Le code de secteur du lot (facultatif)"),
        LOT_MONTANT("lot_montant_ht", "Montant estimé du lot en € HT (facultatif)");

        private final String header;
        private final String hint;

        Column(String header, String hint) {
            this.header = header;
            this.hint = hint;
        }

        public String header() {
            return header;
        }

        public String hint() {
            return hint;
        }
    }

    /** A data row: its line number in the file (the header is line 1) and its cells by column. */
    record Row(int line, Map<Column, String> cells) {
        String get(Column column) {
            return cells.getOrDefault(column, "");
        }

        boolean hasLot() {
            return !get(Column.LOT_OBJET).isEmpty() || !get(Column.LOT_SECTEUR).isEmpty() || !get(Column.LOT_MONTANT).isEmpty();
        }
    }

    /**
     * A programming line of the file: the row that gives it, the rows that give its lots (the first row too when it
     * carries a lot), or, for a row that only repeats a reference, the line where that reference first appeared.
     */
    record Entry(Row head, List<Row> lotRows, @Nullable Integer repeatOf) {
        int rows() {
            return 1 + (int) lotRows.stream().filter(row -> row != head).count();
        }
    }

    /** The rows grouped into entries, in the order their line first appears. */
    static List<Entry> entries(List<Row> rows) {
        Map<String, Entry> byKey = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Row row : rows) {
            String key = row.get(Column.ANNEE) + "/" + row.get(Column.REFERENCE);
            Entry first = byKey.get(key);
            if (first == null) {
                Entry entry = new Entry(row, new ArrayList<>(row.hasLot() ? List.of(row) : List.of()), null);
                byKey.put(key, entry);
                entries.add(entry);
            } else if (row.hasLot()) {
                first.lotRows().add(row);
            } else {
                entries.add(new Entry(row, List.of(), first.head().line()));
            }
        }
        return entries;
    }

    /** The rows, or a French reason why the file cannot be read at all. */
    record Read(List<Row> rows, Optional<String> refusal) {
        static Read refused(String reason) {
            return new Read(List.of(), Optional.of(reason));
        }
    }

    private CensusFile() {
    }

    static Read read(byte[] content) {
        if (content.length > MAX_BYTES) {
            return Read.refused("Le fichier pèse plus de 2 Mo : découpez-le en plusieurs fichiers.");
        }
        List<List<String>> table;
        try {
            table = content.length > 2 && content[0] == 'P' && content[1] == 'K' ? xlsx(content) : csv(content);
        } catch (CharacterCodingException e) {
            return Read.refused("Ce fichier n’est ni un tableur XLSX ni un CSV en UTF-8 : enregistrez-le au format CSV UTF-8 ou XLSX.");
        } catch (IOException | RuntimeException e) {
            return Read.refused("Ce fichier n’a pas pu être lu comme un tableur (CSV ou XLSX).");
        }
        if (table.isEmpty()) {
            return Read.refused("Le fichier est vide.");
        }
        Map<Integer, Column> columns = new LinkedHashMap<>();
        List<String> header = table.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT).replace("\ufeff", "");
            for (Column column : Column.values()) {
                if (column.header().equals(name)) {
                    columns.put(i, column);
                }
            }
        }
        List<Column> missing = List.of(Column.ANNEE, Column.REFERENCE, Column.OBJET, Column.MONTANT).stream()
            .filter(column -> !columns.containsValue(column)).toList();
        if (!missing.isEmpty()) {
            return Read.refused("Colonnes obligatoires absentes de la première ligne : "
                + String.join(", ", missing.stream().map(Column::header).toList()) + ". Partez du modèle à télécharger.");
        }
        if (table.size() - 1 > MAX_ROWS) {
            return Read.refused("Le fichier compte plus de " + MAX_ROWS + " lignes : découpez-le en plusieurs fichiers.");
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<Column, String> byColumn = new LinkedHashMap<>();
            columns.forEach((index, column) -> byColumn.put(column, index < cells.size() ? cells.get(index).strip() : ""));
            rows.add(new Row(r + 1, byColumn));
        }
        return new Read(rows, Optional.empty());
    }

    private static List<List<String>> csv(byte[] content) throws IOException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(content)).toString();
        if (text.indexOf('\0') >= 0) {
            throw new CharacterCodingException();
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count() >= firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
        List<List<String>> table = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                table.add(record.toList());
                if (table.size() > MAX_ROWS + 1) {
                    break;
                }
            }
        }
        return table;
    }

    private static List<List<String>> xlsx(byte[] content) throws IOException {
        DataFormatter formatter = new DataFormatter(Locale.FRANCE);
        List<List<String>> table = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                table.add(cells);
                if (table.size() > MAX_ROWS + 1) {
                    break;
                }
            }
        }
        return table;
    }
}
