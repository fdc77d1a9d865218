package fr.vivier.indicators;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The public annual page: only the indicators the authority publishes, only aggregated figures, no supplier named. */
@Controller("/indicateurs")
@Secured(SecurityRule.IS_ANONYMOUS)
class PublicIndicatorsController {
    private final IndicatorFigures figures;
    private final Clock clock;

    PublicIndicatorsController(IndicatorFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @Get
    HttpResponse<?> page(@Nullable @QueryValue String annee) {
        Map<String, String> errors = new LinkedHashMap<>();
        int year = Years.year(annee, clock, errors).orElse(FrenchFormat.today(clock).getYear());
        Map<String, Object> model = new HashMap<>();
        model.put("year", year);
        model.put("annee", annee == null ? String.valueOf(year) : annee);
        model.put("errors", errors);
        model.put("views", figures.views(figures.published(), year, Scope.AUTHORITY));
        return HttpResponse.status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
            .body(new ModelAndView<>("indicators/indicateurs", model));
    }
}
