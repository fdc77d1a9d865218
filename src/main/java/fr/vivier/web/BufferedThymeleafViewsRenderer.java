package fr.vivier.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.util.FastStringWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Thymeleaf pages rendered into memory when the views filter asks for them, then encoded once.
 *
 * <p>Rendering now rather than when the body is written is what lets a template error answer the French 500 page: an
 * exception thrown while Micronaut writes a body reaches no error handler, and the request was left without an answer.
 * Encoding once matters too: the framework writes a view to an unbuffered OutputStreamWriter, and Thymeleaf's
 * escaping writes one character at a time, so encoding each character on its own took a fifth of the rendering time
 * of the search page.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
class BufferedThymeleafViewsRenderer<T> extends ThymeleafViewsRenderer<T> {

    BufferedThymeleafViewsRenderer(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
                                   ClassPathResourceLoader resourceLoader, HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, engine, resourceLoader, httpLocaleResolver);
    }

    @Override
    public Writable render(String viewName, @Nullable T data, @Nullable HttpRequest<?> request) {
        FastStringWriter html = new FastStringWriter(64 * 1024);
        try {
            super.render(viewName, data, request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String page = html.toString();
        return new Writable() {
            @Override
            public void writeTo(Writer out) throws IOException {
                out.write(page);
            }

            @Override
            public void writeTo(OutputStream outputStream, @Nullable Charset charset) throws IOException {
                outputStream.write(page.getBytes(charset == null ? StandardCharsets.UTF_8 : charset));
            }
        };
    }
}
