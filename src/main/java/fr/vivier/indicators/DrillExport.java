package fr.vivier.indicators;

import fr.vivier.buyers.SpreadsheetFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The drill-down's exports, CSV and XLSX, with every record behind a figure: written as the source hands the records
 * (from a database cursor for purchases) and sent in chunks of 64 KB, so that a year of a million purchases is never
 * held whole in memory (the XLSX keeps 100 rows in memory, the rest in POI's temporary files).
 */
final class DrillExport {
    private static final List<String> HEADERS = List.of("reference", "libelle", "direction", "date", "montant_ht", "statut");
    private static final int CHUNK = 64 * 1024;

    /** Hands each record of the export to the consumer it is given. */
    interface Records {
        void forEach(Consumer<DrillRecord> each);
    }

    private DrillExport() {
    }

    static Flux<byte[]> csv(Records records) {
        return stream(out -> {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setDelimiter(';').get());
            printer.printRecord(HEADERS);
            records.forEach(record -> {
                try {
                    printer.printRecord(values(record));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        });
    }

    static Flux<byte[]> xlsx(Records records) {
        return stream(out -> {
            SXSSFWorkbook workbook = new SXSSFWorkbook(100);
            try {
                Sheet sheet = workbook.createSheet("Enregistrements");
                int[] next = {0};
                write(sheet.createRow(next[0]++), new ArrayList<>(HEADERS), null);
                records.forEach(record -> write(sheet.createRow(next[0]++), values(record), record));
                workbook.write(out);
            } finally {
                workbook.dispose();
                workbook.close();
            }
        });
    }

    private static List<String> values(DrillRecord record) {
        return Arrays.asList(SpreadsheetFiles.defused(record.reference()), SpreadsheetFiles.defused(record.label()),
            record.direction() == null ? "" : SpreadsheetFiles.defused(record.direction()),
            record.date() == null ? "" : record.date().toString(), record.amount() == null ? "" : record.amount().toPlainString(),
            record.status());
    }

    /** The amount as a number, so that the spreadsheet sums it. */
    private static void write(Row row, List<String> values, DrillRecord record) {
        for (int column = 0; column < values.size(); column++) {
            if (column == 4 && record != null && record.amount() != null) {
                row.createCell(column).setCellValue(record.amount().doubleValue());
            } else {
                row.createCell(column).setCellValue(values.get(column));
            }
        }
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Flux<byte[]> stream(Body body) {
        return Flux.<byte[]>create(sink -> {
            try (OutputStream out = new Chunks(sink)) {
                body.writeTo(out);
            } catch (IOException | RuntimeException e) {
                sink.error(e);
                return;
            }
            sink.complete();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** An output stream that hands on what is written every 64 KB, and the rest when closed. */
    private static final class Chunks extends OutputStream {
        private final FluxSink<byte[]> sink;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK);

        Chunks(FluxSink<byte[]> sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) {
            buffer.write(b);
            handOnWhenFull();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            buffer.write(bytes, offset, length);
            handOnWhenFull();
        }

        private void handOnWhenFull() {
            if (buffer.size() >= CHUNK) {
                sink.next(buffer.toByteArray());
                buffer.reset();
            }
        }

        @Override
        public void close() {
            if (buffer.size() > 0) {
                sink.next(buffer.toByteArray());
                buffer.reset();
            }
        }
    }
}
