package fr.vivier.programming;

import fr.vivier.web.CurrentUser;
import fr.vivier.web.session.CsrfTokenInBody;
import fr.vivier.web.session.CsrfTokens;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Staff import of the yearly census of purchase needs: template, upload and preview (nothing saved), confirmation that
 * starts the import in the background and leads to its progress page, which refreshes itself (no JavaScript needed)
 * until the per-line report. The previewed file travels signed in the confirmation form (no stored upload).
 */
@Controller(CensusImportController.PATH)
@Secured({"STAFF", "ADMIN"})
class CensusImportController {
    static final String PATH = "/agents/import-programmation";
    static final String VIEW = "programming/agents-import-programmation";
    static final String FILE_FIELD = "fichier";
    static final String NO_FILE = "Choisissez le fichier CSV ou XLSX du recensement.";
    static final String LOST = "Le fichier de l’aperçu n’a pas pu être relu. Recommencez en choisissant à nouveau le fichier.";
    static final String BUSY = "Un autre import du recensement est en cours : attendez qu’il se termine, puis relancez celui-ci.";
    /** Seconds between two automatic refreshes of the progress page. */
    static final int REFRESH_SECONDS = 2;

    private final CensusImport census;
    private final CensusImportJobs jobs;
    private final CsrfTokens csrfTokens;

    CensusImportController(CensusImport census, CensusImportJobs jobs, CsrfTokens csrfTokens) {
        this.census = census;
        this.jobs = jobs;
        this.csrfTokens = csrfTokens;
    }

    @Introspected
    @Serdeable
    record Confirmation(@Nullable String contenu, @Nullable String empreinte) { }

    @Get
    ModelAndView<Map<String, Object>> form() {
        return new ModelAndView<>(VIEW, model(null, null, false));
    }

    @Get("/modele.csv")
    HttpResponse<String> template() {
        String header = Arrays.stream(CensusFile.Column.values()).map(CensusFile.Column::header).collect(Collectors.joining(";"));
        String example = "2027;ENV-2027-01;Entretien des espaces verts des écoles;85000;Tonte et taille;Direction des espaces verts;"
            + "espaces-verts-entretien;77310000;2;;Procédure adaptée;Marché;93010 93048;oui;non;SIAE;oui;non;zéro phyto;non;non;"
            + "espaces.verts@collectivite.example;Tonte des pelouses;espaces-verts-entretien;50000\r\n"
            + "2027;ENV-2027-01;;;;;;;;;;;;;;;;;;;;;Taille des haies et élagage;espaces-verts-elagage;35000";
        return HttpResponse.ok("\ufeff" + header + "\r\n" + example + "\r\n").contentType("text/csv;charset=utf-8")
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"modele-recensement-programmation.csv\"");
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
        if (fichier.getSize() > CensusFile.MAX_BYTES) {
            return refused("Le fichier pèse plus de 2 Mo : découpez-le en plusieurs fichiers.");
        }
        byte[] content = bytes(fichier);
        CensusImport.Report report = census.preview(content);
        if (report.refusal() != null) {
            return refused(report.refusal());
        }
        Map<String, Object> model = model(null, report, false);
        String packed = census.pack(content);
        model.put("packed", packed);
        model.put("signature", census.signature(packed));
        return HttpResponse.ok(new ModelAndView<>(VIEW, model));
    }

    @Post(value = "/confirmation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(@Body Confirmation confirmation, Authentication authentication) {
        var content = census.unpack(confirmation.contenu(), confirmation.empreinte());
        if (content.isEmpty()) {
            return refused(LOST);
        }
        CurrentUser user = CurrentUser.of(authentication);
        Optional<Long> started = jobs.start(content.get(), new Editor(user.accountId(), user.displayName(), true, null));
        if (started.isEmpty()) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>(VIEW, model(BUSY, null, false)));
        }
        return HttpResponse.seeOther(URI.create(PATH + "/suivi/" + started.get()));
    }

    /** {@code auto=non} stops the automatic refresh (RGAA 13.1: the person controls what changes the page). */
    @Get("/suivi/{id}")
    HttpResponse<?> progress(long id, @Nullable @QueryValue String auto) {
        Optional<CensusImportJobs.Status> status = jobs.status(id);
        if (status.isEmpty()) {
            return HttpResponse.notFound();
        }
        Map<String, Object> model = model(null, status.get().running() ? null : status.get().report(), true);
        model.put("job", status.get());
        if (status.get().running() && !"non".equals(auto)) {
            model.put("refreshSeconds", REFRESH_SECONDS);
        }
        return HttpResponse.ok(new ModelAndView<>(VIEW, model));
    }

    @Error(exception = ContentLengthExceededException.class)
    HttpResponse<?> tooLarge() {
        return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
            .body(new ModelAndView<>(VIEW, model("Le fichier pèse plus de 2 Mo : découpez-le en plusieurs fichiers.", null, false)));
    }

    private HttpResponse<?> refused(String message) {
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model(message, null, false)));
    }

    private static Map<String, Object> model(@Nullable String fileError, CensusImport.@Nullable Report report, boolean imported) {
        Map<String, Object> model = new HashMap<>();
        model.put("errors", fileError == null ? Map.of() : Map.of(FILE_FIELD, fileError));
        model.put("columns", CensusFile.Column.values());
        model.put("maxRows", CensusFile.MAX_ROWS);
        model.put("report", report);
        model.put("imported", imported);
        return model;
    }

    private static byte[] bytes(CompletedFileUpload upload) {
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
