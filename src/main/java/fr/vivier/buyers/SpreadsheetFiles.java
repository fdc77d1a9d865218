package fr.vivier.buyers;

import fr.vivier.web.FrenchFormat;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/** Tables as files a buyer opens in a spreadsheet: CSV for French Excel, or XLSX (supplier lists here, the sourcing journal). */
public final class SpreadsheetFiles {
    public static final String CSV_TYPE = "text/csv;charset=utf-8";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MAX_COLUMN_WIDTH = 60 * 256;
    /** A cell a spreadsheet would run as a formula (supplier-typed text, so never trusted); phone numbers are not. */
    private static final Pattern FORMULA = Pattern.compile("^(?:[=@\\t\\r]|[+-](?![\\d .()]+$))");

    private SpreadsheetFiles() {
    }

    /** UTF-8 with a byte order mark and « ; » between fields: what French Excel opens without an import wizard. */
    static byte[] csv(List<SupplierRow> rows) {
        return csv(SupplierRow.HEADERS, rows.stream().map(SupplierRow::cells).toList());
    }

    static byte[] xlsx(List<SupplierRow> rows) {
        return xlsx("Fournisseurs", SupplierRow.HEADERS, rows.stream().map(SupplierRow::cells).toList());
    }

    /** Any table: a header row, then the rows; text that a spreadsheet would run as a formula is defused. */
    public static byte[] csv(List<String> headers, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            writer.write('\uFEFF');
            printer.printRecord(headers);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(SpreadsheetFiles::defused).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] xlsx(String sheetName, List<String> headers, List<List<String>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            int[] widths = new int[headers.size()];
            writeRow(sheet.createRow(0), headers, bold, widths);
            int index = 1;
            for (List<String> row : rows) {
                writeRow(sheet.createRow(index++), row, null, widths);
            }
            sheet.createFreezePane(0, 1);
            // widths from the text lengths: POI's autoSizeColumn needs AWT fonts, absent on headless servers
            for (int column = 0; column < widths.length; column++) {
                sheet.setColumnWidth(column, Math.min((widths[column] + 2) * 256, MAX_COLUMN_WIDTH));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A download response whose file name carries the day, e.g. fournisseurs-2026-03-12.csv. */
    public static MutableHttpResponse<byte[]> download(byte[] body, String type, String baseName, String extension, Clock clock) {
        String fileName = baseName + "-" + FrenchFormat.today(clock) + "." + extension;
        return HttpResponse.ok(body).contentType(type)
            .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
            .header("Cache-Control", "no-store");
    }

    private static void writeRow(Row row, List<String> values, CellStyle style, int[] widths) {
        for (int column = 0; column < values.size(); column++) {
            Cell cell = row.createCell(column);
            cell.setCellValue(values.get(column));
            widths[column] = Math.max(widths[column], values.get(column).length());
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    /** A cell that a spreadsheet would read as a formula (=, +, -, @…) is written as text. */
    public static String defused(String value) {
        return FORMULA.matcher(value).find() ? "'" + value : value;
    }
}
