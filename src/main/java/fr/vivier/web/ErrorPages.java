package fr.vivier.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;

/** French error pages for the site; JSON messages for the API. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class ErrorPages {
    private final PageRenderer pages;

    ErrorPages(PageRenderer pages) {
        this.pages = pages;
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<?> notFound(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/")) {
            return HttpResponse.notFound().contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of("message", "Ressource introuvable."));
        }
        return pages.render(request, HttpStatus.NOT_FOUND, "errors/404", Map.of());
    }

    @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
    HttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/")) {
            return HttpResponse.status(HttpStatus.METHOD_NOT_ALLOWED).body(Map.of("message", "Méthode non autorisée."));
        }
        return pages.render(request, HttpStatus.NOT_FOUND, "errors/404", Map.of());
    }
}
