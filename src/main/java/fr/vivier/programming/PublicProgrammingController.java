package fr.vivier.programming;

import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** « Programmation des achats »: the published lines for everyone, with filters, and a page per line. */
@Controller("/programmation")
@Secured(SecurityRule.IS_ANONYMOUS)
class PublicProgrammingController {
    static final String PATH = "/programmation";
    private static final Map<String, String> FACETS = new java.util.LinkedHashMap<>();

    static {
        FACETS.put("groupe", "Famille de secteurs");
        FACETS.put("trimestre", "Lancement prévu");
        FACETS.put("montant", "Montant estimé");
        FACETS.put("reserve", "Marchés réservés");
        FACETS.put("consideration", "Considérations prévues");
    }

    private final PublicProgramming programming;
    private final InterestBoard board;

    PublicProgrammingController(PublicProgramming programming, InterestBoard board) {
        this.programming = programming;
        this.board = board;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request) {
        PublicQuery query = parse(programming, request.getParameters());
        PublicProgramming.Result result = programming.search(query);
        Map<String, Object> model = new HashMap<>();
        model.put("query", query);
        model.put("result", result);
        model.put("errors", query.errors());
        model.put("amountsAsBands", programming.amountsAsBands());
        model.put("previousHref", query.page() > 1 ? query.url(PATH, query.page() - 1) : null);
        model.put("nextHref", query.page() < result.totalPages() ? query.url(PATH, query.page() + 1) : null);
        model.put("csvYear", query.year());
        model.put("facets", FACETS);
        return HttpResponse.status(query.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
            .body(new ModelAndView<>("programming/programmation", model));
    }

    @Get("/{year}/{reference}")
    HttpResponse<?> line(HttpRequest<?> request, @PathVariable int year, @PathVariable String reference,
                         @io.micronaut.core.annotation.Nullable @io.micronaut.http.annotation.QueryValue String interet,
                         @io.micronaut.core.annotation.Nullable @io.micronaut.http.annotation.QueryValue String retrait) {
        Optional<LineView> view = reference.length() > 40 ? Optional.empty() : programming.published(year, reference);
        if (view.isEmpty()) {
            return HttpResponse.notFound();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("view", view.get());
        model.put("line", view.get().line());
        model.putAll(board.model(request, view.get().line(), InterestForm.empty(), Map.of()));
        if (interet != null) {
            model.put("success", "C’est noté : la direction voit que cette ligne vous concerne.");
        } else if (retrait != null) {
            model.put("success", "Votre manifestation d’intérêt est retirée.");
        }
        // the page differs for the structure of the session: never cached by a shared proxy
        return HttpResponse.ok(new ModelAndView<>("programming/ligne", model))
            .header(io.micronaut.http.HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    static PublicQuery parse(PublicProgramming programming, HttpParameters parameters) {
        return programming.parse(parameters.get("q"), parameters.get("annee"), parameters.getAll("groupe"),
            parameters.getAll("secteur"), parameters.getAll("trimestre"), parameters.getAll("montant"), parameters.get("reserve"),
            parameters.getAll("consideration"), parameters.get("lieu"), parameters.get("page"), parameters.get("parPage"));
    }
}
