package fr.vivier.meetings.speed;

import fr.vivier.meetings.EventCalendar;
import fr.vivier.meetings.MeetingEvent;
import fr.vivier.web.HtmlToPdf;
import fr.vivier.web.PageRenderer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Printable schedules as PDF: one page per table or per supplier, from the same XHTML view. */
@Singleton
class SchedulePdf {
    private static final String VIEW = "meetings/planning-pdf";

    private final PageRenderer pages;
    private final HtmlToPdf pdf;
    private final EventCalendar calendar;

    SchedulePdf(PageRenderer pages, HtmlToPdf pdf, EventCalendar calendar) {
        this.pages = pages;
        this.pdf = pdf;
        this.calendar = calendar;
    }

    /** The PDF of these lines ({@code tables}: buyer tables, else suppliers); 404 with a French message when there is none. */
    HttpResponse<byte[]> response(HttpRequest<?> request, MeetingEvent event, List<ScheduleService.Line> lines, boolean tables,
                                  String fileName) {
        if (lines.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Pas encore de rencontre au planning de ce speed-meeting.");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("place", calendar.place(event));
        model.put("lines", lines);
        model.put("tables", tables);
        String xhtml = pages.render(request, HttpStatus.OK, VIEW, model).body();
        return HttpResponse.ok(pdf.render(xhtml)).contentType(MediaType.APPLICATION_PDF_TYPE)
            .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
}
