package fr.vivier.purchases;

import fr.vivier.web.CurrentUser;
import fr.vivier.web.ServerKeys;
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
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Staff import of purchase records: a DECP JSON file or a CSV/XLSX spreadsheet, previewed (nothing saved), then
 * confirmed, each with its per-record report. The previewed file travels gzipped and signed in the confirmation form
 * (no stored upload). Files above the portal's request limit go through {@code ./vivier import}, which streams them.
 */
@Controller("/agents/import-achats")
@Secured({"STAFF", "ADMIN"})
class PurchaseImportController {
    static final String VIEW = "purchases/agents-import-achats";
    static final String FILE_FIELD = "fichier";
    static final String NO_FILE = "Choisissez le fichier DECP (JSON) ou le tableur (CSV ou XLSX) des achats.";
    static final String TOO_LARGE = "Le fichier dépasse 2 Mo, la limite d’un envoi par le portail : découpez-le, ou importez-le en ligne de "
        + "commande (./vivier import decp FICHIER), qui le lit au fil de l’eau quelle que soit sa taille.";
    static final String LOST = "Le fichier de l’aperçu n’a pas pu être relu. Recommencez en choisissant à nouveau le fichier.";
    private static final String KEY = "purchases-import";
    private static final int MAX_BYTES = 2 * 1024 * 1024;

    private final PurchaseService purchases;
    private final CsrfTokens csrfTokens;
    private final ServerKeys keys;

    PurchaseImportController(PurchaseService purchases, CsrfTokens csrfTokens, ServerKeys keys) {
        this.purchases = purchases;
        this.csrfTokens = csrfTokens;
        this.keys = keys;
    }

    @Introspected
    @Serdeable
    record Confirmation(@Nullable String contenu, @Nullable String empreinte, @Nullable String type) { }

    @Get
    ModelAndView<Map<String, Object>> form() {
        return new ModelAndView<>(VIEW, model(null, null, false));
    }

    @Get("/modele.csv")
    HttpResponse<String> template() {
        return HttpResponse.ok(PurchaseSheet.template()).contentType("text/csv;charset=utf-8")
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"modele-achats.csv\"");
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @CsrfTokenInBody
    HttpResponse<?> preview(HttpRequest<?> request, @Nullable @Part(CsrfTokens.FIELD) String csrf,
                            @Nullable @Part(FILE_FIELD) CompletedFileUpload fichier) {
        if (!csrfTokens.matches(request, csrf)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("errors/403", Map.of("message", CsrfTokens.REFUSED)));
        }
        if (fichier == null || fichier.getFilename() == null || fichier.getFilename().isBlank() || fichier.getSize() == 0) {
            return refused(NO_FILE, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (fichier.getSize() > MAX_BYTES) {
            return refused(TOO_LARGE, HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        }
        byte[] content = bytes(fichier);
        PurchaseService.FileKind kind = kindOf(content);
        ImportReport report = purchases.importFile(kind, new ByteArrayInputStream(content), false, null, PurchaseImport.Progress.NONE);
        if (report.refusedWhole()) {
            return refused(report.fileRefusal(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        Map<String, Object> model = model(null, report, false);
        String packed = pack(content);
        model.put("packed", packed);
        model.put("signature", keys.sign(KEY, (kind.name() + ":" + packed).getBytes(StandardCharsets.US_ASCII)));
        model.put("kind", kind.name());
        return HttpResponse.ok(new ModelAndView<>(VIEW, model));
    }

    @Post(value = "/confirmation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(@Body Confirmation confirmation, Authentication authentication) {
        Optional<PurchaseService.FileKind> kind = java.util.Arrays.stream(PurchaseService.FileKind.values())
            .filter(value -> value.name().equals(confirmation.type())).findFirst();
        Optional<byte[]> content = kind.flatMap(value -> unpack(value, confirmation.contenu(), confirmation.empreinte()));
        if (content.isEmpty()) {
            return refused(LOST, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        ImportReport report = purchases.importFile(kind.get(), new ByteArrayInputStream(content.get()), true,
            CurrentUser.of(authentication).accountId(), PurchaseImport.Progress.NONE);
        if (report.refusedWhole()) {
            return refused(report.fileRefusal(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return HttpResponse.ok(new ModelAndView<>(VIEW, model(null, report, true)));
    }

    @Error(exception = ContentLengthExceededException.class)
    HttpResponse<?> tooLarge() {
        return refused(TOO_LARGE, HttpStatus.REQUEST_ENTITY_TOO_LARGE);
    }

    /** A JSON file starts with « { » (after spaces or a byte order mark); anything else is read as a spreadsheet. */
    private static PurchaseService.FileKind kindOf(byte[] content) {
        for (byte b : content) {
            if (b == '{' || b == '[') {
                return PurchaseService.FileKind.DECP;
            }
            if (!Character.isWhitespace(b) && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) {
                return PurchaseService.FileKind.SPREADSHEET;
            }
        }
        return PurchaseService.FileKind.SPREADSHEET;
    }

    private HttpResponse<?> refused(String message, HttpStatus status) {
        return HttpResponse.status(status).body(new ModelAndView<>(VIEW, model(message, null, false)));
    }

    private static Map<String, Object> model(@Nullable String fileError, @Nullable ImportReport report, boolean imported) {
        Map<String, Object> model = new HashMap<>();
        model.put("errors", fileError == null ? Map.of() : Map.of(FILE_FIELD, fileError));
        model.put("columns", Column.values());
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

    private static String pack(byte[] content) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(packed.toByteArray());
    }

    private Optional<byte[]> unpack(PurchaseService.FileKind kind, @Nullable String packed, @Nullable String signature) {
        if (packed == null || signature == null || signature.length() > 128
            || !keys.verify(KEY, (kind.name() + ":" + packed).getBytes(StandardCharsets.US_ASCII), signature)) {
            return Optional.empty();
        }
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(packed.strip())))) {
            byte[] content = gzip.readNBytes(MAX_BYTES + 1);
            return content.length > MAX_BYTES ? Optional.empty() : Optional.of(content);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
