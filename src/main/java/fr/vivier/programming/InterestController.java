package fr.vivier.programming;

import fr.vivier.directory.SupplierSummary;
import fr.vivier.web.ReturnPath;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * « Ça me concerne » on a published line, for the structure whose emailed link opened the session; anyone else is
 * sent to ask for that link.
 */
@Controller("/programmation/{year}/{reference}/interet")
@Secured(SecurityRule.IS_ANONYMOUS)
class InterestController {
    static final String ASK_FOR_A_LINK = "/mon-profil";

    private final PublicProgramming programming;
    private final InterestService interests;
    private final InterestBoard board;

    InterestController(PublicProgramming programming, InterestService interests, InterestBoard board) {
        this.programming = programming;
        this.interests = interests;
        this.board = board;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> declare(HttpRequest<?> request, @PathVariable int year, @PathVariable String reference,
                            @Valid @Body InterestForm form) {
        Optional<LineView> view = programming.published(year, reference);
        if (view.isEmpty()) {
            return HttpResponse.notFound();
        }
        Optional<SupplierSummary> supplier = board.supplierOf(request);
        if (supplier.isEmpty()) {
            return HttpResponse.seeOther(URI.create(ASK_FOR_A_LINK + ReturnPath.query(lineUrl(year, reference))));
        }
        Map<String, String> errors = interests.declare(view.get().line(), supplier.get().id(), form);
        if (!errors.isEmpty()) {
            return page(request, view.get(), form, errors);
        }
        return HttpResponse.seeOther(URI.create(lineUrl(year, reference) + "?interet=1"));
    }

    @Post(value = "/{id}/retrait", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(HttpRequest<?> request, @PathVariable int year, @PathVariable String reference, @PathVariable long id) {
        Optional<SupplierSummary> supplier = board.supplierOf(request);
        if (supplier.isEmpty()) {
            return HttpResponse.seeOther(URI.create(ASK_FOR_A_LINK + ReturnPath.query(lineUrl(year, reference))));
        }
        if (!interests.withdraw(id, supplier.get().id())) {
            return HttpResponse.notFound();
        }
        return HttpResponse.seeOther(URI.create(lineUrl(year, reference) + "?retrait=1"));
    }

    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        String[] parts = request.getPath().split("/");
        Optional<LineView> view = parts.length > 3 && parts[2].matches("\\d{4}")
            ? programming.published(Integer.parseInt(parts[2]), parts[3]) : Optional.empty();
        if (view.isEmpty()) {
            return HttpResponse.notFound();
        }
        InterestForm form = request.getBody(InterestForm.class).orElse(InterestForm.empty());
        return page(request, view.get(), form, fr.vivier.web.FormErrors.of(exception));
    }

    private HttpResponse<?> page(HttpRequest<?> request, LineView view, InterestForm form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("line", view.line());
        model.putAll(board.model(request, view.line(), form, errors));
        return HttpResponse.unprocessableEntity().header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(new ModelAndView<>("programming/ligne", model));
    }

    static String lineUrl(int year, String reference) {
        return PublicProgrammingController.PATH + "/" + year + "/" + reference;
    }
}
