package fr.vivier.directory.imports;

import fr.vivier.directory.CompanySize;
import fr.vivier.directory.DirectoryConfiguration;
import fr.vivier.directory.LegalForm;
import fr.vivier.directory.StructureKind;
import fr.vivier.reference.ReferenceData;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.session.CsrfTokenInBody;
import fr.vivier.web.session.CsrfTokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Staff import of a supplier list: upload (multipart; the CSRF token travels in the form's action URL), preview
 * without saving anything, then confirmation. The report is the confirmation's response rather than a 303: there
 * is no stored import to redirect to, and posting the confirmation again is harmless (every line is then
 * « déjà présente, ignorée »).
 */
@Controller("/agents/import")
@Secured({"STAFF", "ADMIN"})
class SupplierImportController {
    static final String FORM_VIEW = "directory/imports/agents-import";
    static final String PREVIEW_VIEW = "directory/imports/agents-import-apercu";
    static final String REPORT_VIEW = "directory/imports/agents-import-rapport";
    static final String FILE_FIELD = "fichier";
    static final String NO_FILE = "Choisissez le fichier CSV à importer.";
    static final String TOO_BIG = "Le fichier pèse plus de 2 Mo : découpez-le en plusieurs fichiers.";
    static final String LOST_CONTENT = "Le fichier de l’aperçu n’a pas pu être relu. Recommencez l’import en choisissant à nouveau le fichier.";

    private final SupplierImportService imports;
    private final ReferenceData reference;
    private final DirectoryConfiguration configuration;
    private final CsrfTokens csrfTokens;

    SupplierImportController(SupplierImportService imports, ReferenceData reference, DirectoryConfiguration configuration,
                             CsrfTokens csrfTokens) {
        this.csrfTokens = csrfTokens;
        this.imports = imports;
        this.reference = reference;
        this.configuration = configuration;
    }

    @Get
    ModelAndView<Map<String, Object>> form() {
        return new ModelAndView<>(FORM_VIEW, formModel(null));
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @CsrfTokenInBody
    HttpResponse<?> preview(HttpRequest<?> request, @Nullable @Part(CsrfTokens.FIELD) String csrf,
                            @Nullable @Part(FILE_FIELD) CompletedFileUpload fichier) {
        if (!csrfTokens.matches(request, csrf)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("errors/403", Map.of("message", CsrfTokens.REFUSED)));
        }
        if (fichier == null || fichier.getFilename() == null || fichier.getFilename().isBlank() || fichier.getSize() == 0) {
            return refused(NO_FILE);
        }
        if (fichier.getSize() > SupplierCsv.MAX_BYTES) {
            return refused(TOO_BIG);
        }
        byte[] content = bytesOf(fichier);
        SupplierImportReport report = imports.preview(shortName(fichier.getFilename()), content);
        if (report.isRefused()) {
            return refused(report.refusal());
        }
        String packed = SupplierImportConfirmation.pack(content);
        Map<String, Object> model = reportModel(report);
        model.put("packedContent", packed);
        model.put("canConfirm", SupplierImportConfirmation.fitsInForm(packed));
        return HttpResponse.ok(new ModelAndView<>(PREVIEW_VIEW, model));
    }

    @Post(value = "/confirmation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(@Body SupplierImportConfirmation confirmation, Authentication authentication) {
        var content = imports.previewedContent(confirmation);
        if (content.isEmpty()) {
            return refused(LOST_CONTENT);
        }
        SupplierImportReport report = imports.importFile(confirmation.fileName(), content.get(),
            CurrentUser.of(authentication).displayName());
        if (report.isRefused()) {
            return refused(report.refusal());
        }
        return HttpResponse.ok(new ModelAndView<>(REPORT_VIEW, reportModel(report)));
    }

    /** Uploads over the server's request limit never reach the action; say it in French next to the field. */
    @Error(exception = ContentLengthExceededException.class)
    HttpResponse<?> tooLarge() {
        return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(new ModelAndView<>(FORM_VIEW, formModel(TOO_BIG)));
    }

    static String shortName(String fileName) {
        String name = fileName.replaceAll("\\p{Cntrl}", "").replaceAll("^.*[/\\\\]", "").strip();
        return name.length() > 120 ? name.substring(0, 120) + "…" : name;
    }

    private HttpResponse<?> refused(String message) {
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(FORM_VIEW, formModel(message)));
    }

    private Map<String, Object> formModel(@Nullable String fileError) {
        Map<String, Object> model = new HashMap<>();
        model.put("errors", fileError == null ? Map.of() : Map.of(FILE_FIELD, fileError));
        model.put("columns", SupplierCsv.Column.values());
        model.put("legalForms", LegalForm.values());
        model.put("sizes", CompanySize.values());
        model.put("kinds", StructureKind.values());
        model.put("sectorGroups", reference.sectorGroups());
        model.put("sectorsByGroup", reference.sectorsByGroup());
        model.put("labels", reference.labels());
        model.put("maxRows", SupplierCsv.MAX_ROWS);
        model.put("publishesAtOnce", configuration.publishesAtOnce());
        return model;
    }

    private Map<String, Object> reportModel(SupplierImportReport report) {
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("publishesAtOnce", configuration.publishesAtOnce());
        return model;
    }

    private static byte[] bytesOf(CompletedFileUpload upload) {
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
