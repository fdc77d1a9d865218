package fr.vivier.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Error responses that a handler returned without a body ({@code HttpResponse.notFound()}) get the French
 * page or JSON message for their status here, instead of through a status route (see {@link ErrorResponses}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ErrorBodyFilter implements Ordered {
    /** Annotated filters default to the innermost place; this one runs outside the security and CSRF filters, so that their bodiless errors are filled too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    private final ErrorResponses errors;

    ErrorBodyFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @ResponseFilter
    void fillEmptyErrorBody(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() >= 400 && response.getBody().isEmpty()) {
            errors.withBody(request, response);
        }
    }
}
