package fr.vivier.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Map;

/** A page whose template fails while it is rendered, for {@link BrokenTemplateTest} only. */
@Requires(property = "vivier.test.broken-template", value = "true")
@Controller("/essai/page-cassee")
@Secured(SecurityRule.IS_ANONYMOUS)
class BrokenTemplateController {

    @Get
    @View("test/broken")
    Map<String, Object> show() {
        return Map.of("page", "une chaîne n'a pas de méthode noSuchMethod");
    }
}
