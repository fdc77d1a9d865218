package fr.vivier.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a page to a finished HTML response. Filters and error handlers use it: their responses do not go
 * through the views filter, so they cannot simply return a view name.
 */
@Singleton
public class PageRenderer {
    private final ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer;

    PageRenderer(ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer) {
        this.renderer = renderer;
    }

    public MutableHttpResponse<String> render(HttpRequest<?> request, HttpStatus status, String view, Map<String, ?> model) {
        Map<String, Object> values = new HashMap<>(model);
        Writable writable = renderer.render(new ModelAndView<>(view, values), request, MediaType.TEXT_HTML)
            .orElseThrow(() -> new IllegalStateException("Vue introuvable : " + view));
        StringWriter html = new StringWriter();
        try {
            writable.writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
            .body(html.toString());
    }
}
