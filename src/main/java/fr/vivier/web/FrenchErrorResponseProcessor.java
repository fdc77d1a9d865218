package fr.vivier.web;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Errors found by the framework itself (unreadable parameters or bodies, wrong media types…) answer in French too.
 * Being an {@link ErrorResponseProcessor} bean, it takes the place of Micronaut's default English one.
 */
@Singleton
class FrenchErrorResponseProcessor implements ErrorResponseProcessor<Object> {
    private final ErrorResponses errors;

    FrenchErrorResponseProcessor(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext errorContext, MutableHttpResponse<?> response) {
        return (MutableHttpResponse<Object>) errors.withBody(errorContext.getRequest(), response);
    }
}
