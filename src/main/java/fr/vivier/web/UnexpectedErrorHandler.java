package fr.vivier.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.util.Map;
import java.util.UUID;

/**
 * Whatever no other handler took is a defect of ours: log it with a reference the person can quote,
 * show the French 500 page (or a JSON message for the API), never a stack trace.
 */
@Singleton
class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);
    private final PageRenderer pages;

    UnexpectedErrorHandler(PageRenderer pages) {
        this.pages = pages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        if (exception instanceof EOFException) {
            // the client went away in the middle of its request: nobody reads the answer, nothing is broken here
            LOG.debug("client closed the connection during {} {}", request.getMethodName(), LogMasks.path(request.getPath()));
            return HttpResponse.badRequest();
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("unexpected error, reference {} on {} {}", reference, request.getMethodName(), LogMasks.path(request.getPath()), exception);
        if (request.getPath().startsWith("/api/")) {
            return HttpResponse.serverError().contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of("message", "Erreur du serveur (référence " + reference + ")."));
        }
        try {
            return pages.render(request, HttpStatus.INTERNAL_SERVER_ERROR, "errors/500", Map.of("reference", reference));
        } catch (RuntimeException renderingFailure) {
            return HttpResponse.serverError().contentType(MediaType.TEXT_PLAIN_TYPE)
                .body("Erreur du serveur (référence " + reference + ").");
        }
    }
}
