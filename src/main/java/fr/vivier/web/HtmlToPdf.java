package fr.vivier.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns a page rendered as XHTML (the indicators' quarterly report, the speed-meeting schedules) into PDF with openhtmltopdf. DejaVu Sans is embedded when the system has it
 * (Debian's fonts-dejavu-core), so that every French character and the euro sign print; otherwise the PDF base fonts.
 */
@Singleton
public class HtmlToPdf {
    private static final File DEJAVU = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final File DEJAVU_BOLD = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    public byte[] render(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        if (DEJAVU.isFile()) {
            builder.useFont(DEJAVU, "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            if (DEJAVU_BOLD.isFile()) {
                builder.useFont(DEJAVU_BOLD, "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            }
        }
        // the narrow no-break space of French number formatting is not in every font: a plain no-break space reads the same
        builder.withHtmlContent(xhtml.replace('\u202f', '\u00a0'), null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }
}
