package fr.vivier.purchases;

import fr.vivier.purchases.PurchaseVocabulary.Source;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * A spreadsheet of purchases (CSV in UTF-8 with ; or , — read as a stream — or XLSX, first sheet), one row per
 * purchase under the template's French headers, as the programming census reads its own.
 */
final class PurchaseSheet {
    static final List<Column> REQUIRED = List.of(Column.REFERENCE, Column.OBJET, Column.PROCEDURE, Column.MONTANT, Column.DATE,
        Column.TITULAIRES);

    private PurchaseSheet() {
    }

    static String template() {
        String header = java.util.Arrays.stream(Column.values()).map(Column::header).collect(Collectors.joining(";"));
        String example = "21930010400018;ESP-2026-014;Entretien des espaces verts du parc des Beaumonts;Direction des espaces verts;Services;"
            + "Marché;Procédure adaptée;Forfaitaire;38500;15/03/2026;12;77310000;55204599900869;;Pas de groupement;oui;non;SIAE;oui;non;"
            + "biodiversité;non;non;oui;20;non;non;non;non;non;non;non;non;;350;;;";
        return "\ufeff" + header + "\r\n" + example + "\r\n";
    }

    static Iterator<PurchaseImport.ReadRecord> read(InputStream raw, PurchaseFields fields) throws IOException {
        BufferedInputStream input = new BufferedInputStream(raw);
        input.mark(4);
        byte[] head = input.readNBytes(2);
        input.reset();
        Iterator<List<String>> rows = head.length == 2 && head[0] == 'P' && head[1] == 'K' ? xlsx(input) : csv(input);
        if (!rows.hasNext()) {
            throw new PurchaseImport.Unreadable("Le fichier est vide.");
        }
        Map<Integer, Column> columns = new LinkedHashMap<>();
        List<String> header = rows.next();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\ufeff", "").strip().toLowerCase(Locale.ROOT);
            for (Column column : Column.values()) {
                if (column.header().equals(name)) {
                    columns.put(i, column);
                }
            }
        }
        List<String> missing = REQUIRED.stream().filter(column -> !columns.containsValue(column)).map(Column::header).toList();
        if (!missing.isEmpty()) {
            throw new PurchaseImport.Unreadable("Colonnes obligatoires absentes de la première ligne : " + String.join(", ", missing)
                + ". Partez du modèle à télécharger.");
        }
        return new Iterator<>() {
            private int line = 1;
            private List<String> next;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    List<String> row = rows.next();
                    line++;
                    if (!row.stream().allMatch(String::isBlank)) {
                        next = row;
                    }
                }
                return next != null;
            }

            @Override
            public PurchaseImport.ReadRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<String> row = next;
                next = null;
                Map<Column, String> cells = new EnumMap<>(Column.class);
                columns.forEach((index, column) -> cells.put(column, index < row.size() ? row.get(index) : ""));
                return fields.read("ligne " + line, cells, Source.SPREADSHEET, true);
            }
        };
    }

    private static Iterator<List<String>> csv(InputStream input) throws IOException {
        InputStreamReader reader = new InputStreamReader(input, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        java.io.BufferedReader buffered = new java.io.BufferedReader(reader);
        buffered.mark(64 * 1024);
        String firstLine;
        try {
            firstLine = buffered.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new PurchaseImport.Unreadable("Ce fichier n’est ni un tableur XLSX ni un CSV en UTF-8 : enregistrez-le au format CSV UTF-8 ou XLSX.");
        }
        buffered.reset();
        String line = firstLine == null ? "" : firstLine;
        char delimiter = line.chars().filter(c -> c == ';').count() >= line.chars().filter(c -> c == ',').count() ? ';' : ',';
        CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(buffered);
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException e) {
                    throw new PurchaseImport.Unreadable("Le fichier CSV est illisible (" + e.getCause().getMessage()
                        + ") : enregistrez-le au format CSV UTF-8.");
                }
            }

            @Override
            public List<String> next() {
                return records.next().toList();
            }
        };
    }

    private static Iterator<List<String>> xlsx(InputStream input) throws IOException {
        DataFormatter formatter = new DataFormatter(Locale.FRANCE);
        List<List<String>> table = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(input)) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                    } else {
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                }
                table.add(cells);
            }
        } catch (RuntimeException e) {
            throw new PurchaseImport.Unreadable("Ce fichier n’a pas pu être lu comme un tableur XLSX.");
        }
        return table.iterator();
    }
}
